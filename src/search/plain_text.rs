//! The text of an HTML fragment, for the search index: tags dropped (with the content of
//! `script`/`style`), common entities decoded, block boundaries kept as spaces. It never renders
//! anything, so it need not be a full parser: rendering goes through `crate::rich_text`.

pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_decoded(&mut out, &rest[..lt]);
        let after = &rest[lt..];
        let Some(gt) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = after[1..gt].trim_start_matches('/');
        let name_len = tag.bytes().take_while(u8::is_ascii_alphanumeric).count();
        let name = &tag[..name_len];
        rest = &after[gt + 1..];
        if !after[1..].starts_with('/')
            && (name.eq_ignore_ascii_case("script") || name.eq_ignore_ascii_case("style"))
        {
            rest = match find_closing(rest, name) {
                Some(i) => &rest[i..],
                None => "",
            };
        }
        out.push(' ');
    }
    push_decoded(&mut out, rest);
    collapse_whitespace(&out)
}

/// Runs of white space as one space, none at either end.
fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Where `</name` (in any case) starts in `text`.
fn find_closing(text: &str, name: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let n = name.len();
    (0..bytes.len()).find(|&i| {
        bytes[i] == b'<'
            && bytes.get(i + 1) == Some(&b'/')
            && bytes
                .get(i + 2..i + 2 + n)
                .is_some_and(|b| b.eq_ignore_ascii_case(name.as_bytes()))
    })
}

fn push_decoded(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let end = after.find(';').filter(|&i| i <= 10);
        let decoded = end.and_then(|i| {
            let entity = &after[1..i];
            match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ if entity.starts_with("#x") || entity.starts_with("#X") => {
                    u32::from_str_radix(&entity[2..], 16)
                        .ok()
                        .and_then(char::from_u32)
                }
                _ if entity.starts_with('#') => entity[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            }
        });
        match (decoded, end) {
            (Some(c), Some(i)) => {
                out.push(c);
                rest = &after[i + 1..];
            }
            _ => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_markup_never_panics() {
        let pieces = [
            "<",
            ">",
            "&",
            ";",
            "#x",
            "#",
            "ż",
            "script",
            "/",
            "style",
            "amp",
            "p",
            " ",
            "41",
            "ff",
            "&#x1F642;",
        ];
        let mut rng = crate::search::synthetic::Rng::new(3);
        for _ in 0..20_000 {
            let words = 1 + rng.below(9);
            let s: String = (0..words)
                .map(|_| pieces[rng.below(pieces.len())])
                .collect();
            let _ = plain_text(&s);
        }
    }

    #[test]
    fn keeps_the_words_and_drops_the_markup() {
        assert_eq!(
            plain_text(
                "<p>Masz dostęp do:</p><ul><li>wyników&nbsp;badań,</li><li>recept</li></ul>"
            ),
            "Masz dostęp do: wyników badań, recept"
        );
        assert_eq!(
            plain_text("a<script>var x = '<p>';</script>b<style>p{}</style>c"),
            "a b c"
        );
        assert_eq!(
            plain_text("a<SCRIPT type=x>x<p>y</p></Script >b<style>unclosed"),
            "a b"
        );
        assert_eq!(
            plain_text("Tom &amp; Jerry &#8211; &#x41; &bogus; x"),
            "Tom & Jerry – A &bogus; x"
        );
    }
}
