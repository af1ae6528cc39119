//! Local time in Europe/Warsaw, whatever the device's own time zone: CET (UTC+1) in winter, CEST
//! (UTC+2) from the last Sunday of March, 01:00 UTC, to the last Sunday of October, 01:00 UTC, as
//! the EU's summer-time rule says.

use crate::text::date::{days_in_month, Date};

/// Monday is 0, Sunday is 6.
pub type Weekday = u8;

/// A moment as a clock in Warsaw shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    pub date: Date,
    pub weekday: Weekday,
    /// Minutes since local midnight, 0–1439.
    pub minutes: u16,
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
pub fn date_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
    Date { year, month, day }
}

/// A civil date to days since 1970-01-01.
pub fn days_from_date(d: Date) -> i64 {
    let y = i64::from(d.year) - i64::from(d.month <= 2);
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(d.month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The weekday of a date, Monday = 0.
pub fn weekday_of(d: Date) -> Weekday {
    // 1970-01-01 was a Thursday (3).
    (days_from_date(d) + 3).rem_euclid(7) as Weekday
}

/// The date `n` days after `d`.
pub fn add_days(d: Date, n: i64) -> Date {
    date_from_days(days_from_date(d) + n)
}

/// The last Sunday of a month.
fn last_sunday(year: u16, month: u8) -> Date {
    let last = Date {
        year,
        month,
        day: days_in_month(year, month),
    };
    let back = (i64::from(weekday_of(last)) + 1) % 7;
    add_days(last, -back)
}

/// Whether summer time is in force at this moment (milliseconds since the Unix epoch, UTC).
fn is_summer_time(unix_ms: i64) -> bool {
    let date = date_from_days(unix_ms.div_euclid(86_400_000));
    let start = (days_from_date(last_sunday(date.year, 3)) * 24 + 1) * 3_600_000;
    let end = (days_from_date(last_sunday(date.year, 10)) * 24 + 1) * 3_600_000;
    unix_ms >= start && unix_ms < end
}

/// What a clock in Warsaw shows at this moment (milliseconds since the Unix epoch, UTC).
pub fn warsaw_time(unix_ms: i64) -> LocalTime {
    let offset_ms = if is_summer_time(unix_ms) { 2 } else { 1 } * 3_600_000;
    let local = unix_ms + offset_ms;
    let days = local.div_euclid(86_400_000);
    let date = date_from_days(days);
    LocalTime {
        date,
        weekday: weekday_of(date),
        minutes: (local.rem_euclid(86_400_000) / 60_000) as u16,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc_ms(y: u16, mo: u8, d: u8, h: i64, mi: i64) -> i64 {
        (days_from_date(Date {
            year: y,
            month: mo,
            day: d,
        }) * 24
            + h)
            * 3_600_000
            + mi * 60_000
    }

    fn hm(t: LocalTime) -> (u16, u16) {
        (t.minutes / 60, t.minutes % 60)
    }

    #[test]
    fn dates_and_days_round_trip() {
        for days in [-1000, 0, 1, 365, 19_000, 20_419, 30_000] {
            assert_eq!(days_from_date(date_from_days(days)), days);
        }
        assert_eq!(
            date_from_days(0),
            Date {
                year: 1970,
                month: 1,
                day: 1
            }
        );
        assert_eq!(
            weekday_of(Date {
                year: 2026,
                month: 11,
                day: 27
            }),
            4,
            "a Friday"
        );
        assert_eq!(
            weekday_of(Date {
                year: 2025,
                month: 6,
                day: 12
            }),
            3,
            "a Thursday"
        );
    }

    #[test]
    fn winter_is_utc_plus_one_and_summer_utc_plus_two() {
        let w = warsaw_time(utc_ms(2026, 1, 15, 11, 0));
        assert_eq!(hm(w), (12, 0));
        let s = warsaw_time(utc_ms(2026, 7, 15, 11, 0));
        assert_eq!(hm(s), (13, 0));
    }

    #[test]
    fn the_march_change_happens_at_one_utc_on_the_last_sunday() {
        // 2026-03-29 is the last Sunday of March: 02:00 CET jumps to 03:00 CEST.
        assert_eq!(
            last_sunday(2026, 3),
            Date {
                year: 2026,
                month: 3,
                day: 29
            }
        );
        let before = warsaw_time(utc_ms(2026, 3, 29, 0, 59));
        assert_eq!(hm(before), (1, 59));
        let after = warsaw_time(utc_ms(2026, 3, 29, 1, 0));
        assert_eq!(hm(after), (3, 0));
    }

    #[test]
    fn the_october_change_happens_at_one_utc_on_the_last_sunday() {
        // 2026-10-25: 03:00 CEST falls back to 02:00 CET.
        assert_eq!(
            last_sunday(2026, 10),
            Date {
                year: 2026,
                month: 10,
                day: 25
            }
        );
        let before = warsaw_time(utc_ms(2026, 10, 25, 0, 59));
        assert_eq!(hm(before), (2, 59));
        let after = warsaw_time(utc_ms(2026, 10, 25, 1, 0));
        assert_eq!(hm(after), (2, 0));
    }

    #[test]
    fn midnight_in_warsaw_is_still_the_previous_day_in_utc() {
        let t = warsaw_time(utc_ms(2026, 11, 26, 23, 30));
        assert_eq!(
            t.date,
            Date {
                year: 2026,
                month: 11,
                day: 27
            }
        );
        assert_eq!(t.weekday, 4);
        assert_eq!(hm(t), (0, 30));
    }
}
