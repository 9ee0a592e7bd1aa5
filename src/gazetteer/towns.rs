//! Towns: the built-in look-up list of smaller places (`gazetteers/loc_town.tsv`). Tens of
//! thousands of names, many of them words or names elsewhere, so they are never matched on
//! their own: the place rules look a name up here only where the text already says a place
//! follows ("near Kutum", "in Siavonga"). The index borrows the compiled-in text, so building
//! it costs one pass and one hash insert per name.

use rustc_hash::FxHashMap as HashMap;

/// A town of the look-up list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Town {
    /// Its gazetteer id (`loc:town:…`).
    pub id: &'static str,
    /// Its name.
    pub canonical: &'static str,
}

/// The town index: every name and alias to its row.
#[derive(Debug, Clone, Default)]
pub struct Towns {
    names: HashMap<&'static str, Town>,
}

impl Towns {
    /// The index of the built-in list.
    pub fn builtin() -> Towns {
        Towns::from_text(super::TOWNS)
    }

    /// The index of a list in the gazetteer format (rows of another type are skipped).
    pub fn from_text(text: &'static str) -> Towns {
        let mut names: HashMap<&'static str, Town> = HashMap::default();
        names.reserve(text.len() / 64);
        for line in text.lines() {
            if line.starts_with('#') || line.starts_with("id\t") || line.trim().is_empty() {
                continue;
            }
            let mut f = line.split('\t');
            let (Some(id), Some("LOC"), Some(_), Some(canonical)) =
                (f.next(), f.next(), f.next(), f.next())
            else {
                continue;
            };
            let town = Town { id, canonical };
            names.entry(canonical).or_insert(town);
            for alias in f.next().unwrap_or("").split('|').filter(|a| !a.is_empty()) {
                names.entry(alias).or_insert(town);
            }
        }
        Towns { names }
    }

    /// The town named exactly `name`.
    pub fn get(&self, name: &str) -> Option<Town> {
        self.names.get(name).copied()
    }

    /// How many names the index holds.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// True when the index holds no name.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_names_and_aliases_exactly() {
        let t = Towns::from_text(
            "# header\nid\ttype\tsubtype\tcanonical\taliases\tacronyms\tflags\tattrs\txref\n\
             loc:town:1\tLOC\ttown\tNíjar\tNijar\t\tnoauto\tcountry=ES\t\n\
             org:x\tORG\tngo\tNot A Town\t\t\t\t\t\n",
        );
        assert_eq!(t.get("Nijar").map(|x| x.canonical), Some("Níjar"));
        assert_eq!(t.get("Níjar").map(|x| x.id), Some("loc:town:1"));
        assert!(t.get("nijar").is_none() && t.get("Not A Town").is_none());
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn the_builtin_list_is_large_and_holds_no_frequent_word() {
        let t = Towns::builtin();
        assert!(t.len() > 20_000, "{} town names", t.len());
        for word in [
            "The",
            "President",
            "Minister",
            "May",
            "Will",
            "Mary",
            "Reading",
        ] {
            assert!(t.get(word).is_none(), "{word} is listed as a town");
        }
    }
}
