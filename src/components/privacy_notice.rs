//! The information clause (RODO, art. 13) for the e-mail address a resident may leave with a
//! question: who processes it, why, on what basis, for how long (also the draft kept in the
//! browser until it is sent), and the person's rights. Its heading's id is
//! `pm-privacy-notice-title`, which the consent box refers to.

use leptos::prelude::*;

#[component]
pub fn PrivacyNotice() -> impl IntoView {
    view! {
        <section class="pm-privacy-notice" aria-labelledby="pm-privacy-notice-title">
            <h2 class="pm-privacy-notice__title" id="pm-privacy-notice-title">
                "Informacja o przetwarzaniu danych osobowych"
            </h2>
            <ul class="pm-privacy-notice__list">
                <li>
                    "Administratorem Twoich danych jest Gmina Wrocław, reprezentowana przez Prezydenta Wrocławia (Urząd Miejski Wrocławia, pl. Nowy Targ 1–8, 50-141 Wrocław). Z inspektorem ochrony danych skontaktujesz się pisemnie na ten sam adres."
                </li>
                <li>
                    "Adresu e-mail używamy tylko po to, aby odpowiedzieć na Twoje pytanie. Podstawą jest Twoja zgoda (art. 6 ust. 1 lit. a RODO). Podanie adresu jest dobrowolne: bez niego pytanie też trafi do redakcji, ale nie dostaniesz odpowiedzi e-mailem."
                </li>
                <li>
                    "Adres przechowujemy do czasu wysłania odpowiedzi, nie dłużej niż 12 miesięcy od zadania pytania. Nie przekazujemy go innym podmiotom poza firmami, które obsługują dla nas pocztę i serwery."
                </li>
                <li>
                    "Szkic pytania (z adresem e-mail, jeśli go podasz) zapisujemy tylko w tej przeglądarce, aby nie przepadł po zamknięciu strony: do czasu wysłania pytania, nie dłużej niż 30 dni. Nie trafia on nigdzie indziej. Aby go usunąć, wyczyść pola formularza."
                </li>
                <li>
                    "Masz prawo dostępu do swoich danych, ich sprostowania, usunięcia, ograniczenia przetwarzania i przeniesienia, a także prawo wycofania zgody w każdej chwili (nie wpływa to na to, co zrobiliśmy przed jej wycofaniem). Możesz też złożyć skargę do Prezesa Urzędu Ochrony Danych Osobowych."
                </li>
            </ul>
        </section>
    }
}
