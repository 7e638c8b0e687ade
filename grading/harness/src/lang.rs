//! The learner's language.
//!
//! Every message a grader prints exists in English and Korean. The language is chosen once
//! per run: `LAB_LANG` wins when it is set (`ko` or `en`), otherwise the usual POSIX locale
//! variables decide, in the order the C library reads them (`LC_ALL`, `LC_MESSAGES`, `LANG`).

use std::env;

/// A language the course is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Ko,
}

impl Lang {
    /// The language of this run, from the environment.
    pub fn detect() -> Lang {
        Self::from_env(|name| env::var(name).ok())
    }

    /// The rule behind [`Lang::detect`], with the environment passed in so it can be tested.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(choice) = var("LAB_LANG") {
            let choice = choice.trim().to_ascii_lowercase();
            if choice.starts_with("ko") {
                return Lang::Ko;
            }
            if choice.starts_with("en") {
                return Lang::En;
            }
        }
        // The first locale variable that is set and not empty decides, like setlocale(3).
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(value) = var(name).filter(|v| !v.is_empty()) {
                return if value.starts_with("ko") {
                    Lang::Ko
                } else {
                    Lang::En
                };
            }
        }
        Lang::En
    }

    /// Picks the text for this language. Both texts are written by hand: no machine
    /// translation, and no English left in Korean messages.
    pub fn pick<T>(self, en: T, ko: T) -> T {
        match self {
            Lang::En => en,
            Lang::Ko => ko,
        }
    }

    /// The folder of the book written in this language (`src/en`, `src/ko`).
    pub fn book_dir(self) -> &'static str {
        self.pick("en", "ko")
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn lab_lang_wins_over_the_locale() {
        assert_eq!(
            Lang::from_env(env_of(&[("LAB_LANG", "ko"), ("LANG", "en_US.UTF-8")])),
            Lang::Ko
        );
        assert_eq!(
            Lang::from_env(env_of(&[("LAB_LANG", "en"), ("LANG", "ko_KR.UTF-8")])),
            Lang::En
        );
    }

    #[test]
    fn the_locale_decides_in_setlocale_order() {
        assert_eq!(Lang::from_env(env_of(&[("LANG", "ko_KR.UTF-8")])), Lang::Ko);
        assert_eq!(
            Lang::from_env(env_of(&[("LC_ALL", "C"), ("LANG", "ko_KR.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env(env_of(&[("LC_ALL", ""), ("LC_MESSAGES", "ko_KR")])),
            Lang::Ko
        );
        assert_eq!(Lang::from_env(env_of(&[])), Lang::En);
    }

    #[test]
    fn an_unknown_lab_lang_falls_back_to_the_locale() {
        assert_eq!(
            Lang::from_env(env_of(&[("LAB_LANG", "fr"), ("LANG", "ko_KR.UTF-8")])),
            Lang::Ko
        );
    }
}

/// A Korean particle whose form depends on the word before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Particle {
    /// 은/는
    Topic,
    /// 이/가
    Subject,
    /// 을/를
    Object,
    /// 으로/로
    Toward,
    /// 과/와
    And,
}

/// How the last sound of `value` ends, as Korean reads it aloud: with a final consonant
/// (and whether that consonant is ㄹ), or with a vowel. Trailing punctuation and code
/// quotes are skipped. Digits are read as Sino-Korean numbers (1 일, 2 이, 3 삼, ..., and a
/// trailing 0 as 영, 십, 백, 천 or 만: all closed). Latin letters: an acronym is read letter
/// by letter (L 엘 and R 알 end in ㄹ, M 엠 and N 엔 are closed); a word by its last letters
/// (-l is ㄹ; -m, -n, -ng, -ck, -k are closed; anything else, like -er or -t, open, as in
/// 서버 or 소켓 is not worth guessing).
fn final_sound(value: &str) -> (bool, bool) {
    let trimmed = value.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '`' | '"' | '\'' | ')' | ']' | '”' | '’' | '.' | ',')
    });
    let Some(last) = trimmed.chars().last() else {
        return (false, false);
    };
    match last {
        '가'..='힣' => {
            let jong = (last as u32 - 0xAC00) % 28;
            (jong != 0, jong == 8)
        }
        '0' | '3' | '6' => (true, false),
        '1' | '7' | '8' => (true, true),
        '2' | '4' | '5' | '9' => (false, false),
        c if c.is_ascii_alphabetic() => {
            let word: String = trimmed
                .chars()
                .rev()
                .take_while(char::is_ascii_alphabetic)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let acronym = word.len() <= 5 && word.chars().all(|c| c.is_ascii_uppercase());
            if acronym {
                match c {
                    'L' | 'R' => (true, true),
                    'M' | 'N' => (true, false),
                    _ => (false, false),
                }
            } else {
                let lower = word.to_ascii_lowercase();
                if lower.ends_with('l') {
                    (true, true)
                } else if ["m", "n", "ng", "ck", "k"]
                    .iter()
                    .any(|e| lower.ends_with(e))
                {
                    (true, false)
                } else {
                    (false, false)
                }
            }
        }
        _ => (false, false),
    }
}

/// The form of `particle` that follows `value`: `josa("TODO 1", Particle::Object)` is "을",
/// `josa("2", Particle::Toward)` is "로", `josa("서버", Particle::Subject)` is "가".
pub fn josa(value: &str, particle: Particle) -> &'static str {
    let (closed, rieul) = final_sound(value);
    match particle {
        Particle::Topic => {
            if closed {
                "은"
            } else {
                "는"
            }
        }
        Particle::Subject => {
            if closed {
                "이"
            } else {
                "가"
            }
        }
        Particle::Object => {
            if closed {
                "을"
            } else {
                "를"
            }
        }
        Particle::And => {
            if closed {
                "과"
            } else {
                "와"
            }
        }
        // ㄹ takes 로, like a vowel: 일로, 서울로.
        Particle::Toward => {
            if closed && !rieul {
                "으로"
            } else {
                "로"
            }
        }
    }
}

/// `value` followed by the form of `particle` that fits it.
pub fn with_josa(value: impl std::fmt::Display, particle: Particle) -> String {
    let value = value.to_string();
    let p = josa(&value, particle);
    format!("{value}{p}")
}

#[cfg(test)]
mod josa_tests {
    use super::*;

    #[test]
    fn numbers_are_read_as_sino_korean() {
        assert_eq!(with_josa(1, Particle::Object), "1을");
        assert_eq!(with_josa(2, Particle::Object), "2를");
        assert_eq!(with_josa(2, Particle::Toward), "2로");
        assert_eq!(with_josa(3, Particle::Toward), "3으로");
        assert_eq!(with_josa(7, Particle::Toward), "7로");
        assert_eq!(with_josa(10, Particle::Toward), "10으로");
        assert_eq!(with_josa(101, Particle::Toward), "101로");
        assert_eq!(with_josa(0, Particle::Subject), "0이");
        assert_eq!(with_josa(9, Particle::And), "9와");
    }

    #[test]
    fn hangul_is_read_by_its_final_consonant() {
        assert_eq!(with_josa("서버", Particle::Subject), "서버가");
        assert_eq!(with_josa("소켓", Particle::Topic), "소켓은");
        assert_eq!(with_josa("서울", Particle::Toward), "서울로");
        assert_eq!(with_josa("연결", Particle::Object), "연결을");
        assert_eq!(with_josa("포트", Particle::And), "포트와");
    }

    #[test]
    fn latin_is_read_as_letters_or_as_a_word() {
        assert_eq!(with_josa("TCP", Particle::Subject), "TCP가");
        assert_eq!(with_josa("HTML", Particle::Toward), "HTML로");
        assert_eq!(with_josa("RAM", Particle::Object), "RAM을");
        assert_eq!(with_josa("TODO 1", Particle::Object), "TODO 1을");
        assert_eq!(with_josa("`bind`", Particle::Object), "`bind`를");
        assert_eq!(with_josa("Alice", Particle::Subject), "Alice가");
        assert_eq!(with_josa("stream", Particle::Object), "stream을");
        assert_eq!(with_josa("channel", Particle::Toward), "channel로");
        assert_eq!(with_josa("[::1]:8080", Particle::Toward), "[::1]:8080으로");
    }
}
