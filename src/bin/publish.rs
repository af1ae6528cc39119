//! The publish step (`make site DATA=… OUT=… SITE_URL=…`): the CMS's document → every page of
//! the guide as HTML next to the app in OUT. See `poradnik::publish`. Messages are in Polish,
//! for the editors and the CMS pipeline that run it; the exit status is 1 when nothing could be
//! published.
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut data = None;
    let mut out = None;
    let mut site_url = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let slot = match arg.as_str() {
            "--data" => &mut data,
            "--out" => &mut out,
            "--site-url" => &mut site_url,
            other => {
                eprintln!("Nieznany argument {other:?}. Użycie: publish --data faq.json --out katalog --site-url https://poradnik.wroclaw.pl/");
                return ExitCode::FAILURE;
            }
        };
        *slot = args.next();
    }
    let (Some(data), Some(out), Some(site_url)) = (data, out, site_url) else {
        eprintln!(
            "Użycie: publish --data faq.json --out katalog --site-url https://poradnik.wroclaw.pl/"
        );
        return ExitCode::FAILURE;
    };
    let options = poradnik::publish::Options {
        data: PathBuf::from(data),
        out: PathBuf::from(out),
        site_url,
    };
    match poradnik::publish::run(&options) {
        Ok(summary) => {
            for problem in &summary.problems {
                eprintln!("Uwaga, dane: {problem}");
            }
            println!(
                "Opublikowano {} stron w {} ({} uwag do danych); dane podzielone na {} dokumentów, indeks wyszukiwania: {} plików, {:.1} MB.",
                summary.pages,
                options.out.display(),
                summary.problems.len(),
                summary.documents,
                summary.search_files,
                summary.search_bytes as f64 / 1e6
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("Błąd publikacji: {message}");
            ExitCode::FAILURE
        }
    }
}
