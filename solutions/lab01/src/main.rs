//! `lab01-solution`: the reference lab01. See the library's docs for how it is built.

fn main() -> std::process::ExitCode {
    lab01_solution::app::main()
}
