//! Opening hours as the CMS writes them ("pon-pt: 06:30 - 19:00", "sob: 10:00 - 14:00"), and what
//! they mean for a resident right now ("Otwarte teraz, do 19:00").
//!
//! The lines are free text. Only when *every* line parses does the app claim anything; otherwise
//! it shows the lines as given and says nothing about now.

use super::holidays::is_public_holiday;
use super::warsaw_time::{add_days, LocalTime, Weekday};

/// Open intervals per weekday (Monday = 0), in minutes since midnight. An interval whose end is not
/// after its start runs past midnight into the next day ("20:00 - 02:00").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Schedule {
    days: [Vec<(u16, u16)>; 7],
}

/// What the hours mean at a given moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Open now, until this time (1440 = midnight).
    Open { until: u16 },
    /// Closed now; opens `in_days` days from today (0 = later today) at `at`.
    Closed {
        holiday: bool,
        opens: Option<(u8, Weekday, u16)>,
    },
}

const DAY_NAMES: [(&str, Weekday); 10] = [
    ("pon", 0),
    ("wt", 1),
    ("śr", 2),
    ("sr", 2),
    ("czw", 3),
    ("pt", 4),
    ("sob", 5),
    ("nd", 6),
    ("ndz", 6),
    ("niedz", 6),
];

fn day(s: &str) -> Option<Weekday> {
    let s = crate::text::fold::lower(s.trim().trim_end_matches('.'));
    DAY_NAMES.iter().find(|(n, _)| *n == s).map(|&(_, d)| d)
}

/// "pon-pt", "pon, śr, pt", "sob" → the weekdays they name.
fn days(spec: &str) -> Option<Vec<Weekday>> {
    let mut out = Vec::new();
    for part in spec.split(',') {
        match part.split_once(['-', '–', '—']) {
            Some((a, b)) => {
                let (a, b) = (day(a)?, day(b)?);
                if a > b {
                    return None;
                }
                out.extend(a..=b);
            }
            None => out.push(day(part)?),
        }
    }
    Some(out)
}

/// "06:30" or "6:30" → minutes since midnight; "24:00" is allowed as a closing time.
fn time(s: &str) -> Option<u16> {
    let (h, m) = s.trim().split_once(':')?;
    if h.is_empty()
        || h.len() > 2
        || m.len() != 2
        || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 60 + m)
}

/// "06:30 - 19:00" or "08:00-12:00, 13:00-16:00" → intervals.
fn ranges(spec: &str) -> Option<Vec<(u16, u16)>> {
    let spec = spec.trim();
    let lower = crate::text::fold::lower(spec);
    if lower == "nieczynne" || lower == "zamknięte" || lower == "zamkniete" {
        return Some(Vec::new());
    }
    spec.split(',')
        .map(|r| {
            let (a, b) = r.split_once(['-', '–', '—'])?;
            let (a, b) = (time(a)?, time(b)?);
            (a != b && a < 1440).then_some((a, b))
        })
        .collect()
}

/// Reads every line; `None` as soon as one line is not of a known shape, so that nothing is
/// claimed about hours the app does not understand. No lines at all is `None` too.
pub fn parse_hours(lines: &[String]) -> Option<Schedule> {
    if lines.is_empty() {
        return None;
    }
    let mut schedule = Schedule::default();
    for line in lines {
        let (d, r) = line.split_once(':')?;
        let (days, ranges) = (days(d)?, ranges(r)?);
        for d in days {
            schedule.days[usize::from(d)].extend(ranges.iter().copied());
        }
    }
    for d in &mut schedule.days {
        crate::search::order::sort_by(d, &|a, b| a.cmp(b));
    }
    Some(schedule)
}

impl Schedule {
    /// The open intervals of the date `offset` days from `now`'s date, as minutes of that day,
    /// with intervals carried over from the evening before; none on a public holiday.
    fn intervals(&self, now: LocalTime, offset: i64) -> (bool, Vec<(u16, u16)>) {
        let date = add_days(now.date, offset);
        if is_public_holiday(date) {
            return (true, Vec::new());
        }
        let wd = (i64::from(now.weekday) + offset).rem_euclid(7) as usize;
        let prev = (wd + 6) % 7;
        let mut out: Vec<(u16, u16)> = Vec::new();
        if !is_public_holiday(add_days(date, -1)) {
            out.extend(
                self.days[prev]
                    .iter()
                    .filter(|(s, e)| e <= s && *e > 0)
                    .map(|&(_, e)| (0, e)),
            );
        }
        out.extend(
            self.days[wd]
                .iter()
                .map(|&(s, e)| (s, if e <= s { 1440 } else { e })),
        );
        crate::search::order::sort_by(&mut out, &|a, b| a.cmp(b));
        (false, out)
    }

    /// Whether the place is open at `now`, and if not, when it opens next (within a week).
    pub fn status(&self, now: LocalTime) -> Status {
        let (holiday, today) = self.intervals(now, 0);
        if let Some(&(_, end)) = today
            .iter()
            .find(|(s, e)| *s <= now.minutes && now.minutes < *e)
        {
            // Open past midnight: report the closing time of the interval that continues tomorrow.
            let until = if end == 1440 {
                let (_, tomorrow) = self.intervals(now, 1);
                tomorrow
                    .iter()
                    .find(|(s, _)| *s == 0)
                    .map_or(1440, |&(_, e)| e)
            } else {
                end
            };
            return Status::Open { until };
        }
        let later_today = today
            .iter()
            .find(|(s, _)| *s > now.minutes)
            .map(|&(s, _)| (0, now.weekday, s));
        let opens = later_today.or_else(|| {
            (1..=7).find_map(|offset| {
                let (_, list) = self.intervals(now, offset);
                list.first().map(|&(s, _)| {
                    (
                        offset as u8,
                        ((i64::from(now.weekday) + offset) % 7) as Weekday,
                        s,
                    )
                })
            })
        });
        Status::Closed { holiday, opens }
    }
}

fn clock(minutes: u16) -> String {
    if minutes == 1440 {
        "północy".to_owned()
    } else {
        format!("{:02}:{:02}", minutes / 60, minutes % 60)
    }
}

/// "w poniedziałek", "we wtorek", … : the day with its preposition, as Polish says it.
fn on_weekday(d: Weekday) -> &'static str {
    [
        "w poniedziałek",
        "we wtorek",
        "w środę",
        "w czwartek",
        "w piątek",
        "w sobotę",
        "w niedzielę",
    ][usize::from(d % 7)]
}

impl Status {
    /// The words a resident reads: "Otwarte teraz, do 19:00", "Zamknięte, otwarcie jutro o 06:30".
    pub fn describe(&self) -> String {
        match self {
            Status::Open { until } => format!("Otwarte teraz, do {}", clock(*until)),
            Status::Closed { holiday, opens } => {
                let closed = if *holiday {
                    "Zamknięte (dzień wolny od pracy)"
                } else {
                    "Zamknięte"
                };
                match opens {
                    None => closed.to_owned(),
                    Some((0, _, at)) => format!("{closed}, otwarcie dziś o {}", clock(*at)),
                    Some((1, _, at)) => format!("{closed}, otwarcie jutro o {}", clock(*at)),
                    Some((_, wd, at)) => {
                        format!("{closed}, otwarcie {} o {}", on_weekday(*wd), clock(*at))
                    }
                }
            }
        }
    }

    pub fn is_open(&self) -> bool {
        matches!(self, Status::Open { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::warsaw_time::{days_from_date, warsaw_time, weekday_of};
    use crate::text::date::Date;

    fn lines(ls: &[&str]) -> Vec<String> {
        ls.iter().map(|s| s.to_string()).collect()
    }

    fn at(y: u16, m: u8, d: u8, h: u16, min: u16) -> LocalTime {
        let date = Date {
            year: y,
            month: m,
            day: d,
        };
        LocalTime {
            date,
            weekday: weekday_of(date),
            minutes: h * 60 + min,
        }
    }

    fn describe(hours: &[&str], now: LocalTime) -> String {
        parse_hours(&lines(hours))
            .expect("parses")
            .status(now)
            .describe()
    }

    const DOLMED: &[&str] = &["pon-pt: 06:30 - 19:00"];

    #[test]
    fn reads_the_usual_shapes() {
        let s = parse_hours(&lines(&["pon-pt: 06:30 - 19:00", "sob: 10:00 - 14:00"])).unwrap();
        assert_eq!(s.days[0], vec![(390, 1140)]);
        assert_eq!(s.days[5], vec![(600, 840)]);
        assert!(s.days[6].is_empty());
        let s = parse_hours(&lines(&[
            "Pon, Śr.: 8:00–12:00, 13:00 – 16:00",
            "nd: nieczynne",
        ]))
        .unwrap();
        assert_eq!(s.days[2], vec![(480, 720), (780, 960)]);
        assert!(s.days[1].is_empty());
    }

    #[test]
    fn claims_nothing_when_any_line_is_unknown() {
        for bad in [
            vec!["pon-pt: 06:30 - 19:00", "w święta nieczynne"],
            vec!["codziennie: 8-16"],
            vec!["pon-pt 06:30 - 19:00"],
            vec!["pt-pon: 08:00 - 16:00"],
            vec!["pon: 25:00 - 26:00"],
            vec!["pon: 08:00 - 08:00"],
        ] {
            assert_eq!(parse_hours(&lines(&bad)), None, "{bad:?}");
        }
        assert_eq!(parse_hours(&[]), None);
    }

    #[test]
    fn open_now_until_closing() {
        // Friday 2026-11-27, 12:00.
        assert_eq!(
            describe(DOLMED, at(2026, 11, 27, 12, 0)),
            "Otwarte teraz, do 19:00"
        );
        assert_eq!(
            describe(DOLMED, at(2026, 11, 27, 6, 30)),
            "Otwarte teraz, do 19:00"
        );
    }

    #[test]
    fn closed_says_when_it_opens() {
        // Thursday evening → tomorrow; Friday evening → Monday; early morning → today.
        assert_eq!(
            describe(DOLMED, at(2026, 11, 26, 19, 0)),
            "Zamknięte, otwarcie jutro o 06:30"
        );
        assert_eq!(
            describe(DOLMED, at(2026, 11, 27, 20, 0)),
            "Zamknięte, otwarcie w poniedziałek o 06:30"
        );
        assert_eq!(
            describe(DOLMED, at(2026, 11, 27, 6, 29)),
            "Zamknięte, otwarcie dziś o 06:30"
        );
        assert_eq!(
            describe(
                &["pon-pt: 08:00 - 16:00", "sob: 10:00 - 14:00"],
                at(2026, 11, 27, 17, 0)
            ),
            "Zamknięte, otwarcie jutro o 10:00"
        );
        assert_eq!(
            describe(&["wt: 08:00 - 16:00"], at(2026, 11, 27, 17, 0)),
            "Zamknięte, otwarcie we wtorek o 08:00"
        );
    }

    #[test]
    fn days_not_listed_are_closed() {
        // Sunday 2026-11-29.
        assert_eq!(
            describe(DOLMED, at(2026, 11, 29, 12, 0)),
            "Zamknięte, otwarcie jutro o 06:30"
        );
    }

    #[test]
    fn around_midnight() {
        let late = &["pt-sob: 20:00 - 02:00"];
        assert_eq!(
            describe(late, at(2026, 11, 27, 23, 59)),
            "Otwarte teraz, do 02:00"
        );
        assert_eq!(
            describe(late, at(2026, 11, 28, 1, 0)),
            "Otwarte teraz, do 02:00",
            "Saturday 01:00 is Friday night"
        );
        assert_eq!(
            describe(late, at(2026, 11, 28, 2, 0)),
            "Zamknięte, otwarcie dziś o 20:00"
        );
        assert_eq!(
            describe(&["pon-nd: 00:00 - 24:00"], at(2026, 11, 27, 23, 0)),
            "Otwarte teraz, do północy"
        );
        assert_eq!(
            describe(DOLMED, at(2026, 11, 27, 0, 0)),
            "Zamknięte, otwarcie dziś o 06:30"
        );
    }

    #[test]
    fn public_holidays_are_closed() {
        // Wednesday 2026-11-11, Independence Day.
        assert_eq!(
            describe(DOLMED, at(2026, 11, 11, 12, 0)),
            "Zamknięte (dzień wolny od pracy), otwarcie jutro o 06:30"
        );
        // The day before Easter Monday: opens on Tuesday.
        assert_eq!(
            describe(DOLMED, at(2026, 4, 5, 12, 0)),
            "Zamknięte (dzień wolny od pracy), otwarcie we wtorek o 06:30"
        );
    }

    #[test]
    fn never_open_says_only_closed() {
        assert_eq!(
            describe(&["pon-nd: nieczynne"], at(2026, 11, 27, 12, 0)),
            "Zamknięte"
        );
    }

    #[test]
    fn computed_in_warsaw_time_across_the_dst_change() {
        // Sunday 2026-03-29 is the spring change; Monday 08:00 CEST is 06:00 UTC.
        let utc = |d: u8, h: i64, m: i64| {
            (days_from_date(Date {
                year: 2026,
                month: 3,
                day: d,
            }) * 24
                + h)
                * 3_600_000
                + m * 60_000
        };
        let hours = &["pon-pt: 08:00 - 16:00"];
        assert_eq!(
            describe(hours, warsaw_time(utc(30, 6, 0))),
            "Otwarte teraz, do 16:00"
        );
        assert_eq!(
            describe(hours, warsaw_time(utc(30, 5, 59))),
            "Zamknięte, otwarcie dziś o 08:00"
        );
        // A week earlier, in winter, 08:00 CET is 07:00 UTC.
        assert_eq!(
            describe(hours, warsaw_time(utc(23, 6, 30))),
            "Zamknięte, otwarcie dziś o 08:00"
        );
        assert_eq!(
            describe(hours, warsaw_time(utc(23, 7, 0))),
            "Otwarte teraz, do 16:00"
        );
    }
}
