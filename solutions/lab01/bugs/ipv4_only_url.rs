//! Bug: reads `HOST:PORT` by splitting at the first colon, so an IPv6 URL is refused.
//!
//! `http://[::1]:8080/` has colons inside its host; RFC 3986 §3.2.2 writes an IPv6 address in
//! brackets for exactly that reason, and the port comes after the `]`. Caught by
//! `get_connects_over_ipv6`.
//!
//! This program is the reference solution with its `url` module replaced by the one
//! below; the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/body.rs"]
mod body;
#[path = "../src/get.rs"]
mod get;
#[path = "../src/head.rs"]
mod head;
#[path = "../src/request.rs"]
mod request;
#[path = "../src/talk.rs"]
mod talk;

mod url {
    use lab_support::lab01::Url;

    /// The mistake: `split_once(':')` on the authority.
    pub fn parse(text: &str) -> Result<Url, String> {
        let rest = text
            .strip_prefix("http://")
            .ok_or_else(|| format!("'{text}' is not an http:// URL"))?;
        if text.contains(|c: char| c.is_whitespace() || c.is_control()) {
            return Err(format!("'{text}' is not a URL"));
        }
        let rest = rest.split_once('#').map_or(rest, |(before, _)| before);
        let end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, path) = rest.split_at(end);
        let path = if path.starts_with('/') {
            path.to_string()
        } else {
            format!("/{path}")
        };
        let (host, port, port_given) = match authority.split_once(':') {
            Some((host, port)) => match port.parse::<u16>() {
                Ok(port) if port != 0 => (host, port, true),
                _ => return Err(format!("'{text}': '{port}' is not a port")),
            },
            None => (authority, 80, false),
        };
        if host.is_empty() {
            return Err(format!("'{text}': no host"));
        }
        Ok(Url {
            host: host.to_string(),
            port,
            port_given,
            path,
        })
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
