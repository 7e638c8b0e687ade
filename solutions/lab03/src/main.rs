//! `lab03-solution`: the reference UDP sender, receiver and echo server. See the library's
//! docs for how it is built.

fn main() -> std::process::ExitCode {
    lab03_solution::app::main()
}
