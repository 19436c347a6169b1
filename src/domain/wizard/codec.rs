//! The wizard's answers in the query string: one key per question, one code per
//! answer (`base::answers` holds both), so a link states every answer.

use super::{Answers, Question};
use crate::domain::query::{IgnoredValue, format_query, parse_query, percent_encode};

/// The query key of the two technologies compared side by side.
pub const COMPARE_PARAM: &str = "compare";

/// Every query key the wizard reads: the questions' keys and [`COMPARE_PARAM`].
pub const WIZARD_QUERY_KEYS: &[&str] = &{
    let mut keys = [COMPARE_PARAM; Question::ALL.len() + 1];
    let mut i = 0;
    while i < Question::ALL.len() {
        keys[i] = Question::ALL[i].key();
        i += 1;
    }
    keys
};

impl Answers {
    /// Reads the answers from a query string: missing questions take their default,
    /// values that are not among a question's codes are ignored and listed.
    pub fn from_search(search: &str) -> (Answers, Vec<IgnoredValue>) {
        let mut answers = Answers::default();
        let mut ignored = Vec::new();
        for (key, value) in parse_query(search) {
            let Some(q) = Question::from_key(&key) else {
                continue;
            };
            match q.parse(&value) {
                Some(answer) => answers = answers.with(answer),
                None => ignored.push(IgnoredValue { key, value }),
            }
        }
        (answers, ignored)
    }

    /// The answers as query pairs, every question included so a shared link states
    /// them all.
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        Question::ALL
            .iter()
            .map(|q| (q.key().to_owned(), self.get(*q).code().to_owned()))
            .collect()
    }

    /// `search` with these answers in place of any it held, its other keys kept (the
    /// language, the compared pair).
    pub fn write_into(&self, search: &str) -> String {
        let mut pairs: Vec<(String, String)> = parse_query(search)
            .into_iter()
            .filter(|(k, _)| Question::from_key(k).is_none())
            .collect();
        pairs.extend(self.to_pairs());
        format_query(&pairs)
    }

    /// The answers as a query string (`?workload=own&…`).
    pub fn to_search(&self) -> String {
        let body: Vec<String> = self
            .to_pairs()
            .iter()
            .map(|(k, v)| format!("{k}={}", percent_encode(v)))
            .collect();
        format!("?{}", body.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::answers::{Artifact, Gpu, Kvm, Place, Priority, Startup, Tee, Workload};

    #[test]
    fn answers_replace_answers_and_keep_the_other_keys() {
        let a = Answers {
            workload: Workload::Untrusted,
            ..Answers::default()
        };
        let search = a.write_into("?lang=zh&workload=own&compare=kata%2Cgvisor&kvm=no");
        let (read, ignored) = Answers::from_search(&search);
        assert_eq!(read, a, "{search}");
        assert!(ignored.is_empty());
        assert!(
            search.starts_with("?lang=zh&compare=kata%2Cgvisor&workload=untrusted&"),
            "{search}"
        );
        assert_eq!(search.matches("workload=").count(), 1, "{search}");
    }

    #[test]
    fn the_wizard_reads_its_questions_and_the_compared_pair() {
        assert_eq!(
            WIZARD_QUERY_KEYS,
            [
                "workload", "artifact", "startup", "kvm", "gpu", "where", "tee", "priority",
                "compare"
            ]
        );
    }

    #[test]
    fn answers_round_trip_and_bad_values_are_listed() {
        let (a, ignored) = Answers::from_search(
            "?workload=untrusted&artifact=wasm&startup=10ms&kvm=no&gpu=yes&where=edge&tee=yes&priority=cost",
        );
        assert!(ignored.is_empty());
        assert_eq!(
            a,
            Answers {
                workload: Workload::Untrusted,
                artifact: Artifact::Wasm,
                startup: Startup::Within10Ms,
                kvm: Kvm::No,
                gpu: Gpu::Yes,
                place: Place::Edge,
                tee: Tee::Yes,
                priority: Priority::Cost,
            }
        );
        assert_eq!(Answers::from_search(&a.to_search()).0, a);
        let (b, ignored) = Answers::from_search("?workload=hostile&kvm=maybe&where=edge&other=1");
        assert_eq!(b.workload, Workload::Own, "a bad value keeps the default");
        assert_eq!(b.place, Place::Edge);
        assert_eq!(
            ignored,
            [
                IgnoredValue {
                    key: "workload".into(),
                    value: "hostile".into()
                },
                IgnoredValue {
                    key: "kvm".into(),
                    value: "maybe".into()
                },
            ]
        );
    }
}
