//! The wizard's questions and their answers as types: one enum per question whose
//! variants are its answers, and [`Answers`] with a named field per question. The
//! report's profiles (`data::wizard_presets`) are written with these, and the engine
//! (`domain::wizard`) decides with them, so both sit on this shared layer.
//!
//! A question's query key and its answers' codes are said once, here; they are a
//! public contract (links must keep working). Their words are in `domain::wizard::text`.

/// Defines the enum of one question's answers, with each answer's code in links.
macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every answer, in the order the question lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The answer's code in links.
            pub const fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            /// The answer whose code this is.
            pub fn parse(code: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.code() == code)
            }
        }
    };
}

choice! {
    /// Whose code runs.
    Workload {
        #[default]
        Own = "own",
        Vetted = "vetted",
        Untrusted = "untrusted",
    }
}

choice! {
    /// What is shipped.
    Artifact {
        #[default]
        Oci = "oci",
        Wasm = "wasm",
        Unikernel = "unikernel",
        Vm = "vm",
    }
}

choice! {
    /// The cold-start budget.
    Startup {
        Within10Ms = "10ms",
        Within100Ms = "100ms",
        Within1S = "1s",
        #[default]
        Any = "any",
    }
}

choice! {
    /// Whether the hosts have hardware virtualization (KVM).
    Kvm {
        Yes = "yes",
        No = "no",
        #[default]
        Unknown = "unknown",
    }
}

choice! {
    /// Whether the workload needs a GPU.
    Gpu {
        #[default]
        No = "no",
        Yes = "yes",
    }
}

choice! {
    /// Where it runs (query key `where`).
    Place {
        #[default]
        K8s = "k8s",
        Serverless = "serverless",
        Edge = "edge",
        Ci = "ci",
    }
}

choice! {
    /// Whether the workload needs a trusted execution environment.
    Tee {
        #[default]
        No = "no",
        Yes = "yes",
    }
}

choice! {
    /// What matters most.
    Priority {
        #[default]
        Security = "security",
        Performance = "performance",
        Compatibility = "compatibility",
        Cost = "cost",
        Footprint = "footprint",
    }
}

/// One answer per question. The default answers are each enum's `#[default]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Answers {
    pub workload: Workload,
    pub artifact: Artifact,
    pub startup: Startup,
    pub kvm: Kvm,
    pub gpu: Gpu,
    pub place: Place,
    pub tee: Tee,
    pub priority: Priority,
}

/// A question, for what treats them alike (links, forms, suggested changes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Question {
    Workload,
    Artifact,
    Startup,
    Kvm,
    Gpu,
    Place,
    Tee,
    Priority,
}

/// One question's answer, for what treats the questions alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Answer {
    Workload(Workload),
    Artifact(Artifact),
    Startup(Startup),
    Kvm(Kvm),
    Gpu(Gpu),
    Place(Place),
    Tee(Tee),
    Priority(Priority),
}

impl Question {
    /// The questions, in the order they are asked.
    pub const ALL: [Question; 8] = [
        Question::Workload,
        Question::Artifact,
        Question::Startup,
        Question::Kvm,
        Question::Gpu,
        Question::Place,
        Question::Tee,
        Question::Priority,
    ];

    /// The question's key in links.
    pub const fn key(self) -> &'static str {
        match self {
            Question::Workload => "workload",
            Question::Artifact => "artifact",
            Question::Startup => "startup",
            Question::Kvm => "kvm",
            Question::Gpu => "gpu",
            Question::Place => "where",
            Question::Tee => "tee",
            Question::Priority => "priority",
        }
    }

    /// Its place in [`Question::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The question whose key this is.
    pub fn from_key(key: &str) -> Option<Question> {
        Question::ALL.into_iter().find(|q| q.key() == key)
    }

    /// Every answer to the question, in order.
    pub fn answers(self) -> Vec<Answer> {
        fn all<T: Copy>(values: &[T], answer: fn(T) -> Answer) -> Vec<Answer> {
            values.iter().copied().map(answer).collect()
        }
        match self {
            Question::Workload => all(Workload::ALL, Answer::Workload),
            Question::Artifact => all(Artifact::ALL, Answer::Artifact),
            Question::Startup => all(Startup::ALL, Answer::Startup),
            Question::Kvm => all(Kvm::ALL, Answer::Kvm),
            Question::Gpu => all(Gpu::ALL, Answer::Gpu),
            Question::Place => all(Place::ALL, Answer::Place),
            Question::Tee => all(Tee::ALL, Answer::Tee),
            Question::Priority => all(Priority::ALL, Answer::Priority),
        }
    }

    /// The answer to this question whose code this is.
    pub fn parse(self, code: &str) -> Option<Answer> {
        self.answers().into_iter().find(|a| a.code() == code)
    }
}

impl Answer {
    /// The question it answers.
    pub const fn question(self) -> Question {
        match self {
            Answer::Workload(_) => Question::Workload,
            Answer::Artifact(_) => Question::Artifact,
            Answer::Startup(_) => Question::Startup,
            Answer::Kvm(_) => Question::Kvm,
            Answer::Gpu(_) => Question::Gpu,
            Answer::Place(_) => Question::Place,
            Answer::Tee(_) => Question::Tee,
            Answer::Priority(_) => Question::Priority,
        }
    }

    /// Its code in links.
    pub const fn code(self) -> &'static str {
        match self {
            Answer::Workload(v) => v.code(),
            Answer::Artifact(v) => v.code(),
            Answer::Startup(v) => v.code(),
            Answer::Kvm(v) => v.code(),
            Answer::Gpu(v) => v.code(),
            Answer::Place(v) => v.code(),
            Answer::Tee(v) => v.code(),
            Answer::Priority(v) => v.code(),
        }
    }
}

impl Answers {
    /// The answer to question `q`.
    pub const fn get(&self, q: Question) -> Answer {
        match q {
            Question::Workload => Answer::Workload(self.workload),
            Question::Artifact => Answer::Artifact(self.artifact),
            Question::Startup => Answer::Startup(self.startup),
            Question::Kvm => Answer::Kvm(self.kvm),
            Question::Gpu => Answer::Gpu(self.gpu),
            Question::Place => Answer::Place(self.place),
            Question::Tee => Answer::Tee(self.tee),
            Question::Priority => Answer::Priority(self.priority),
        }
    }

    /// These answers with one of them changed.
    pub const fn with(mut self, answer: Answer) -> Answers {
        match answer {
            Answer::Workload(v) => self.workload = v,
            Answer::Artifact(v) => self.artifact = v,
            Answer::Startup(v) => self.startup = v,
            Answer::Kvm(v) => self.kvm = v,
            Answer::Gpu(v) => self.gpu = v,
            Answer::Place(v) => self.place = v,
            Answer::Tee(v) => self.tee = v,
            Answer::Priority(v) => self.priority = v,
        }
        self
    }

    /// Every combination of answers: 3 × 4 × 4 × 3 × 2 × 4 × 2 × 5 = 11,520.
    pub fn all() -> impl Iterator<Item = Answers> {
        let choices: Vec<Vec<Answer>> = Question::ALL.iter().map(|q| q.answers()).collect();
        let total: usize = choices.iter().map(Vec::len).product();
        (0..total).map(move |mut n| {
            choices.iter().fold(Answers::default(), |a, values| {
                let answer = values[n % values.len()];
                n /= values.len();
                a.with(answer)
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_codes_are_the_contract_of_links() {
        let keys = Question::ALL.map(Question::key);
        assert_eq!(
            keys,
            [
                "workload", "artifact", "startup", "kvm", "gpu", "where", "tee", "priority"
            ]
        );
        let codes = |q: Question| -> Vec<&str> { q.answers().iter().map(|a| a.code()).collect() };
        assert_eq!(codes(Question::Workload), ["own", "vetted", "untrusted"]);
        assert_eq!(
            codes(Question::Artifact),
            ["oci", "wasm", "unikernel", "vm"]
        );
        assert_eq!(codes(Question::Startup), ["10ms", "100ms", "1s", "any"]);
        assert_eq!(codes(Question::Kvm), ["yes", "no", "unknown"]);
        assert_eq!(codes(Question::Gpu), ["no", "yes"]);
        assert_eq!(codes(Question::Place), ["k8s", "serverless", "edge", "ci"]);
        assert_eq!(codes(Question::Tee), ["no", "yes"]);
        assert_eq!(
            codes(Question::Priority),
            [
                "security",
                "performance",
                "compatibility",
                "cost",
                "footprint"
            ]
        );
        let defaults: Vec<&str> = Question::ALL
            .iter()
            .map(|q| Answers::default().get(*q).code())
            .collect();
        assert_eq!(
            defaults,
            [
                "own", "oci", "any", "unknown", "no", "k8s", "no", "security"
            ]
        );
    }

    #[test]
    fn every_answer_belongs_to_its_question_and_all_combinations_are_distinct() {
        for q in Question::ALL {
            assert_eq!(Question::from_key(q.key()), Some(q));
            for answer in q.answers() {
                assert_eq!(answer.question(), q);
                assert_eq!(q.parse(answer.code()), Some(answer));
                assert_eq!(Answers::default().with(answer).get(q), answer);
            }
        }
        let all: std::collections::HashSet<Answers> = Answers::all().collect();
        assert_eq!(all.len(), 11_520);
    }
}
