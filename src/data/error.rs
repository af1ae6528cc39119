//! Why a document could not be shown at all, in words a resident understands.

use super::model::SUPPORTED_SCHEMA_VERSION;
use crate::request_error::RequestError;

/// The document as a whole is unusable: nothing of it can be shown.
#[derive(Debug, Clone, PartialEq)]
pub enum DocumentError {
    /// The bytes are not JSON; the parser's own explanation is kept for the console.
    NotJson(String),
    /// JSON, but not an object at the top level.
    NotObject,
    /// `schema_version` is missing or not an integer.
    MissingVersion,
    /// Another major version than the one this app understands.
    UnsupportedVersion(i64),
}

/// Anything that keeps the app from getting a usable document.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// No answer at all, or none in time: offline, DNS, CORS, a dropped connection.
    Network(RequestError),
    /// The server answered with an error status.
    Http(u16),
    /// The answer came but cannot be used.
    Document(DocumentError),
}

impl From<DocumentError> for LoadError {
    fn from(e: DocumentError) -> Self {
        LoadError::Document(e)
    }
}

impl LoadError {
    /// The message shown to residents, in Polish. Every variant ends with what they can do.
    pub fn message(&self) -> String {
        match self {
            LoadError::Network(_) => "Nie udało się pobrać pytań i odpowiedzi. Sprawdź połączenie z internetem i spróbuj ponownie.".into(),
            LoadError::Http(404) => "Nie znaleziono pliku z pytaniami i odpowiedziami (błąd 404). Spróbuj ponownie za chwilę; jeśli błąd się powtarza, prosimy o kontakt z redakcją portalu.".into(),
            LoadError::Http(status) => format!(
                "Serwer nie udostępnił pytań i odpowiedzi (błąd {status}). Spróbuj ponownie za chwilę."
            ),
            LoadError::Document(DocumentError::NotJson(_)) => "Plik z pytaniami i odpowiedziami jest uszkodzony i nie da się go odczytać. Spróbuj ponownie za chwilę; jeśli błąd się powtarza, prosimy o kontakt z redakcją portalu.".into(),
            LoadError::Document(DocumentError::NotObject) | LoadError::Document(DocumentError::MissingVersion) => "Plik z pytaniami i odpowiedziami ma nieprawidłowy format. Spróbuj ponownie za chwilę; jeśli błąd się powtarza, prosimy o kontakt z redakcją portalu.".into(),
            LoadError::Document(DocumentError::UnsupportedVersion(v)) if *v > SUPPORTED_SCHEMA_VERSION => format!(
                "Dane zapisano w nowszej wersji ({v}), której ta wersja poradnika jeszcze nie obsługuje. Odśwież stronę za chwilę, aby pobrać aktualną wersję poradnika."
            ),
            LoadError::Document(DocumentError::UnsupportedVersion(v)) => format!(
                "Dane zapisano w nieobsługiwanej wersji ({v}). Spróbuj ponownie za chwilę; jeśli błąd się powtarza, prosimy o kontakt z redakcją portalu."
            ),
        }
    }

    /// Technical detail for the console, in English, for whoever debugs the deployment.
    pub fn detail(&self) -> String {
        match self {
            LoadError::Network(e) => format!("network error: {e}"),
            LoadError::Http(s) => format!("HTTP status {s}"),
            LoadError::Document(DocumentError::NotJson(e)) => format!("not JSON: {e}"),
            LoadError::Document(DocumentError::NotObject) => {
                "the document is not a JSON object".into()
            }
            LoadError::Document(DocumentError::MissingVersion) => {
                "schema_version is missing or not an integer".into()
            }
            LoadError::Document(DocumentError::UnsupportedVersion(v)) => {
                format!("schema_version {v} is not supported (expected {SUPPORTED_SCHEMA_VERSION})")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_polish_and_says_what_to_do() {
        let all = [
            LoadError::Network(RequestError::Offline),
            LoadError::Http(404),
            LoadError::Http(503),
            DocumentError::NotJson("x".into()).into(),
            DocumentError::NotObject.into(),
            DocumentError::MissingVersion.into(),
            DocumentError::UnsupportedVersion(2).into(),
            DocumentError::UnsupportedVersion(0).into(),
        ];
        for e in all {
            let m = e.message();
            assert!(
                m.contains("spróbuj ponownie")
                    || m.contains("Spróbuj ponownie")
                    || m.contains("Odśwież"),
                "{m}"
            );
        }
        assert!(LoadError::Http(503).message().contains("503"));
        assert!(LoadError::from(DocumentError::UnsupportedVersion(2))
            .message()
            .contains("nowszej wersji (2)"));
    }
}
