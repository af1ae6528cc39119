//! The information clause (RODO, art. 13) for the e-mail address a resident may leave with a
//! question: who processes it, why, on what basis, for how long, and the person's rights.

use web_sys::Element;

use crate::dom;

const CLAUSE: [&str; 4] = [
    "Administratorem Twoich danych jest Gmina Wrocław, reprezentowana przez Prezydenta Wrocławia (Urząd Miejski Wrocławia, pl. Nowy Targ 1–8, 50-141 Wrocław). Z inspektorem ochrony danych skontaktujesz się pisemnie na ten sam adres.",
    "Adresu e-mail używamy tylko po to, aby odpowiedzieć na Twoje pytanie. Podstawą jest Twoja zgoda (art. 6 ust. 1 lit. a RODO). Podanie adresu jest dobrowolne: bez niego pytanie też trafi do redakcji, ale nie dostaniesz odpowiedzi e-mailem.",
    "Adres przechowujemy do czasu wysłania odpowiedzi, nie dłużej niż 12 miesięcy od zadania pytania. Nie przekazujemy go innym podmiotom poza firmami, które obsługują dla nas pocztę i serwery.",
    "Masz prawo dostępu do swoich danych, ich sprostowania, usunięcia, ograniczenia przetwarzania i przeniesienia, a także prawo wycofania zgody w każdej chwili (nie wpływa to na to, co zrobiliśmy przed jej wycofaniem). Możesz też złożyć skargę do Prezesa Urzędu Ochrony Danych Osobowych.",
];

/// Appends the clause to `parent`; its heading's id is `pm-privacy-notice-title`, which the
/// consent box refers to.
pub fn render_privacy_notice(parent: &Element) {
    let section = dom::titled_section(
        parent,
        "pm-privacy-notice",
        "Informacja o przetwarzaniu danych osobowych",
    );
    let list = dom::add(&section, "ul", "pm-privacy-notice__list");
    for item in CLAUSE {
        dom::add_text(&list, "li", "", item);
    }
}
