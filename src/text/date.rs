//! Calendar dates as the data contract writes them (`YYYY-MM-DD`) and as residents read them
//! ("12 czerwca 2025").

/// A calendar date, checked to exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// Month names in the genitive case, as a Polish date needs them.
const MONTHS_GENITIVE: [&str; 12] = [
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
];

fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in `month` (1–12) of `year`.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl Date {
    /// Parses `YYYY-MM-DD`, rejecting dates that do not exist (2025-02-29, 2025-13-01).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = digits(&s[0..4])? as u16;
        let month = digits(&s[5..7])? as u8;
        let day = digits(&s[8..10])? as u8;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// `YYYY-MM-DD`, for `<time datetime>`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The date as a Polish reader expects it: "12 czerwca 2025".
    pub fn polish(&self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS_GENITIVE[usize::from(self.month - 1)],
            self.year
        )
    }
}

/// Whether `s` is an RFC 3339 timestamp such as `2026-11-20T08:00:00Z` or
/// `2026-11-20T09:00:00.5+01:00`.
pub fn is_rfc3339(s: &str) -> bool {
    // Everything valid is ASCII; checking that first also keeps every slice below on a character
    // boundary, whatever the CMS sends.
    if !s.is_ascii() {
        return false;
    }
    let Some((date, rest)) = s.split_once(['T', 't', ' ']) else {
        return false;
    };
    if Date::parse_iso(date).is_none() || rest.len() < 9 {
        return false;
    }
    let (time, zone) = rest.split_at(8);
    let tb = time.as_bytes();
    if tb[2] != b':' || tb[5] != b':' {
        return false;
    }
    let (Some(h), Some(m), Some(sec)) = (
        digits(&time[0..2]),
        digits(&time[3..5]),
        digits(&time[6..8]),
    ) else {
        return false;
    };
    if h > 23 || m > 59 || sec > 60 {
        return false;
    }
    let zone = match zone.strip_prefix('.') {
        Some(frac) => {
            let n = frac.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return false;
            }
            &frac[n..]
        }
        None => zone,
    };
    match zone {
        "Z" | "z" => true,
        z if z.len() == 6 && (z.starts_with('+') || z.starts_with('-')) && &z[3..4] == ":" => {
            matches!((digits(&z[1..3]), digits(&z[4..6])), (Some(zh), Some(zm)) if zh <= 23 && zm <= 59)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_dates_the_polish_way() {
        assert_eq!(
            Date::parse_iso("2025-06-12").unwrap().polish(),
            "12 czerwca 2025"
        );
        assert_eq!(
            Date::parse_iso("2024-09-01").unwrap().polish(),
            "1 września 2024"
        );
        assert_eq!(
            Date::parse_iso("2026-10-31").unwrap().polish(),
            "31 października 2026"
        );
    }

    #[test]
    fn round_trips_iso() {
        assert_eq!(Date::parse_iso("2025-01-05").unwrap().iso(), "2025-01-05");
    }

    #[test]
    fn rejects_dates_that_do_not_exist() {
        for bad in [
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-04-31",
            "2025-6-12",
            "12.06.2025",
            "",
            "2025-06-12T00:00",
        ] {
            assert!(Date::parse_iso(bad).is_none(), "{bad}");
        }
        assert!(Date::parse_iso("2024-02-29").is_some());
        assert!(Date::parse_iso("2000-02-29").is_some());
        assert!(Date::parse_iso("1900-02-29").is_none());
    }

    #[test]
    fn recognises_rfc3339_timestamps() {
        for good in [
            "2026-11-20T08:00:00Z",
            "2026-11-20T09:00:00+01:00",
            "2026-11-20T09:00:00.123-05:30",
        ] {
            assert!(is_rfc3339(good), "{good}");
        }
        for bad in [
            "2026-11-20",
            "2026-11-20T25:00:00Z",
            "2026-11-20T08:00:00",
            "wczoraj",
            "2026-11-20T08:00:00+0100",
        ] {
            assert!(!is_rfc3339(bad), "{bad}");
        }
    }
}

#[cfg(test)]
mod fuzz {
    use super::*;

    #[test]
    fn odd_text_never_panics() {
        let pieces = [
            "2026-11-20",
            "T",
            "t",
            " ",
            "ż",
            "a",
            "0",
            "8",
            ":",
            "+",
            "-",
            "Z",
            ".",
            "5",
            "01:00",
            "08:00:00",
        ];
        let mut rng = crate::search::synthetic::Rng::new(7);
        for _ in 0..20_000 {
            let words = 1 + rng.below(7);
            let s: String = (0..words)
                .map(|_| pieces[rng.below(pieces.len())])
                .collect();
            let _ = is_rfc3339(&s);
            let _ = Date::parse_iso(&s);
        }
        assert!(!is_rfc3339("2026-11-20Tażżżż"));
        assert!(!is_rfc3339("2026-11-20T08:00:00+ż:0"));
    }
}
