//! `lab02-solution`: the reference echo server. See the library's docs for how it is built.

fn main() -> std::process::ExitCode {
    lab02_solution::app::main()
}
