//! Polish statutory public holidays (dni wolne od pracy), when offices are closed whatever their
//! opening hours say.

use super::warsaw_time::{date_from_days, days_from_date};
use crate::text::date::Date;

/// Easter Sunday of a year (the anonymous Gregorian algorithm).
pub fn easter_sunday(year: u16) -> Date {
    let y = i64::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date {
        year,
        month: month as u8,
        day: day as u8,
    }
}

/// Whether `d` is a public holiday in Poland.
pub fn is_public_holiday(d: Date) -> bool {
    let fixed = matches!(
        (d.month, d.day),
        (1, 1) | (1, 6) | (5, 1) | (5, 3) | (8, 15) | (11, 1) | (11, 11) | (12, 25) | (12, 26)
    );
    // Christmas Eve has been a public holiday since 2025.
    let christmas_eve = d.month == 12 && d.day == 24 && d.year >= 2025;
    let easter = days_from_date(easter_sunday(d.year));
    let movable = [0, 1, 49, 60]
        .iter()
        .any(|&n| date_from_days(easter + n) == d);
    fixed || christmas_eve || movable
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: u16, m: u8, d: u8) -> Date {
        Date {
            year: y,
            month: m,
            day: d,
        }
    }

    #[test]
    fn finds_easter() {
        assert_eq!(easter_sunday(2025), date(2025, 4, 20));
        assert_eq!(easter_sunday(2026), date(2026, 4, 5));
        assert_eq!(easter_sunday(2027), date(2027, 3, 28));
    }

    #[test]
    fn knows_fixed_and_movable_holidays() {
        for d in [
            date(2026, 1, 1),
            date(2026, 1, 6),
            date(2026, 4, 5),
            date(2026, 4, 6),
            date(2026, 5, 3),
            date(2026, 5, 24),
            date(2026, 6, 4),
            date(2026, 11, 11),
            date(2026, 12, 24),
        ] {
            assert!(is_public_holiday(d), "{d:?}");
        }
        for d in [
            date(2026, 4, 7),
            date(2026, 11, 27),
            date(2024, 12, 24),
            date(2026, 6, 5),
        ] {
            assert!(!is_public_holiday(d), "{d:?}");
        }
    }
}
