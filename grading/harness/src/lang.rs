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
