//! `lab04-solution`: the reference chat server. See the library's docs for how it is built.

fn main() -> std::process::ExitCode {
    lab04_solution::app::main()
}
