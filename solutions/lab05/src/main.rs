//! `lab05-solution`: the reference static-file server. See the library's docs for how it
//! is built.

fn main() -> std::process::ExitCode {
    lab05_solution::app::main()
}
