//! Word tokens: the unit the entity rules and the event finder work on.

use crate::text::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with digits, inner hyphens and apostrophes): "Al-Mansouri", "O'Brien", "G20".
    Word,
    /// Digits with inner separators: "3,000", "4.5".
    Number,
    /// Any other single character that is not a space.
    Punct,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into tokens. Possessive "'s" is a token of its own so that "UN's" gives "UN".
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    it.next();
                    continue;
                }
                if d == '-' || is_apostrophe(d) {
                    // Join only when a letter follows, and not for a possessive "'s".
                    let rest = &text[j + d.len_utf8()..];
                    let mut rc = rest.chars();
                    let next = rc.next();
                    let possessive = is_apostrophe(d)
                        && matches!(next, Some('s'))
                        && !rc.next().is_some_and(char::is_alphanumeric);
                    if next.is_some_and(char::is_alphanumeric) && !possessive {
                        it.next();
                        continue;
                    }
                }
                break;
            }
            out.push(Token {
                span: Span::new(i, end),
                kind: TokenKind::Word,
            });
        } else if c.is_numeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_numeric() || d.is_alphabetic() {
                    end = j + d.len_utf8();
                    it.next();
                } else if (d == ',' || d == '.')
                    && text[j + 1..].starts_with(|x: char| x.is_ascii_digit())
                {
                    it.next();
                } else {
                    break;
                }
            }
            out.push(Token {
                span: Span::new(i, end),
                kind: TokenKind::Number,
            });
        } else {
            out.push(Token {
                span: Span::new(i, i + c.len_utf8()),
                kind: TokenKind::Punct,
            });
        }
    }
    out
}

/// Index of the first token that starts at or after byte `at`.
pub fn first_at(tokens: &[Token], at: usize) -> usize {
    tokens.partition_point(|t| t.span.start < at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        let t = "Mr. Al-Mansouri's UN’s 3,000 O'Brien.";
        let toks: Vec<&str> = tokenize(t).iter().map(|k| k.text(t)).collect();
        assert_eq!(
            toks,
            vec![
                "Mr",
                ".",
                "Al-Mansouri",
                "'",
                "s",
                "UN",
                "’",
                "s",
                "3,000",
                "O'Brien",
                "."
            ]
        );
    }
}
