//! scratch
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let file = redress::source::SourceFile::new(path, text);
    let (rb, diags) = redress::syntax::parse(&file);
    println!("{} items", rb.items.len());
    for d in diags {
        eprintln!("{:?}", miette::Report::new(d));
    }
}
