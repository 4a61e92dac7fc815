//! The unit's report as a draft that is never lost: each change is kept in
//! the browser at once (localStorage), sent to the server shortly after the
//! typing stops, and sent again when the connection comes back. A reload
//! finds what was typed; a save that lost the race is shown, not forced.

pub use super::parse::{parse_count, parse_score};
use super::storage::{storage_get, storage_remove, storage_set};
use crate::api::ApiError;
use crate::api::reports::save_draft;
use domain::{Activity, ActivityEntry, DraftLine, FieldError, Id, ReportView, ScoringRule};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

/// Where the draft stands, as the banner above the form says it.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Saved,
    /// Typed, waiting for the pause before sending.
    Pending,
    Saving,
    /// The server could not be reached; kept in the browser, retried.
    Offline,
    /// Someone else saved first; the message says what the server holds.
    Conflict(String),
    /// The server refused a value; the field says why.
    Invalid,
}

/// What the browser keeps until the server has it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct LocalDraft {
    version: i32,
    lines: Vec<DraftLine>,
    #[serde(default)]
    activities: Vec<ActivityEntry>,
}

/// One line's inputs, as typed.
#[derive(Clone, Copy)]
pub struct LineInputs {
    pub score: RwSignal<String>,
    pub explanation: RwSignal<String>,
}

#[derive(Clone, Copy)]
pub struct Draft {
    pub report_id: Id,
    pub version: RwSignal<i32>,
    pub state: RwSignal<SaveState>,
    pub errors: RwSignal<Vec<FieldError>>,
    pub inputs: StoredValue<BTreeMap<String, LineInputs>>,
    /// Activity figures as typed, by activity.
    pub figures: StoredValue<BTreeMap<Activity, RwSignal<String>>>,
    view: StoredValue<ReportView>,
    /// Criterion codes, and `activity.<code>` for figures, typed and not yet saved.
    dirty: RwSignal<BTreeSet<String>>,
    generation: StoredValue<u32>,
}

fn figure_key(a: Activity) -> String {
    format!("activity.{}", a.code())
}

impl Draft {
    pub fn new(view: &ReportView) -> Self {
        let inputs = view
            .lines
            .iter()
            .filter(|l| l.rule == ScoringRule::SelfScored)
            .map(|l| {
                let score = l.self_score.map(domain::format_points).unwrap_or_default();
                let inputs = LineInputs {
                    score: RwSignal::new(score),
                    explanation: RwSignal::new(l.explanation.clone()),
                };
                (l.code.clone(), inputs)
            })
            .collect();
        let figures = view
            .activities
            .iter()
            .map(|f| {
                (
                    f.activity,
                    RwSignal::new(f.value.map(|v| v.to_string()).unwrap_or_default()),
                )
            })
            .collect();
        Draft {
            report_id: view.id,
            version: RwSignal::new(view.version),
            state: RwSignal::new(SaveState::Saved),
            errors: RwSignal::new(vec![]),
            inputs: StoredValue::new(inputs),
            figures: StoredValue::new(figures),
            view: StoredValue::new(view.clone()),
            dirty: RwSignal::new(BTreeSet::new()),
            generation: StoredValue::new(0),
        }
    }

    fn key(&self) -> String {
        format!("thidua-draft-{}", self.report_id)
    }

    fn line(&self, code: &str) -> Option<DraftLine> {
        let i = self.inputs.with_value(|m| m.get(code).copied())?;
        Some(DraftLine {
            code: code.to_string(),
            score: parse_score(&i.score.get_untracked()),
            explanation: i.explanation.get_untracked().trim().to_string(),
        })
    }

    /// The figure as typed: `Ok(None)` when blank, `Err` when not a number.
    fn figure(&self, a: Activity) -> Result<Option<i64>, ()> {
        self.figures
            .with_value(|m| m.get(&a).copied())
            .map_or(Ok(None), |s| parse_count(&s.get_untracked()))
    }

    /// Nothing typed is waiting to reach the server.
    pub fn is_clean(&self) -> bool {
        self.dirty.with(BTreeSet::is_empty) && self.state.get() == SaveState::Saved
    }

    /// The running total of the unit's own scores, as typed.
    pub fn total(&self) -> (f64, f64) {
        let inputs = self.inputs.get_value();
        let figures = self.figures.get_value();
        self.view.with_value(|v| {
            domain::self_score_total(
                v,
                |l| inputs.get(&l.code).and_then(|i| parse_score(&i.score.get())),
                |a| figures.get(&a).and_then(|s| parse_count(&s.get()).ok().flatten()),
            )
        })
    }

    /// What a line scored on an activity earns with the figure as typed.
    pub fn line_points(&self, code: &str) -> f64 {
        self.view.with_value(|v| {
            let Some(line) = v.lines.iter().find(|l| l.code == code) else {
                return 0.0;
            };
            let Some(a) = line.activity else {
                return 0.0;
            };
            let typed = self
                .figures
                .with_value(|m| m.get(&a).copied())
                .and_then(|s| parse_count(&s.get()).ok().flatten());
            let share = v.activities.iter().find(|f| f.activity == a).map_or(0.0, |f| f.share);
            domain::activity_points(line.max_points, typed, share)
        })
    }

    /// Called on every keystroke in an activity figure.
    pub fn figure_edited(&self, a: Activity) {
        self.edited(&figure_key(a));
    }

    /// Called on every keystroke: keep it here at once, send it after a pause.
    pub fn edited(&self, code: &str) {
        self.dirty.update(|d| {
            d.insert(code.to_string());
        });
        let suffix = format!(".{}", code.trim_start_matches("activity."));
        self.errors.update(|e| e.retain(|f| !f.field.ends_with(&suffix)));
        if !matches!(self.state.get_untracked(), SaveState::Conflict(_)) {
            self.state.set(SaveState::Pending);
        }
        self.keep_locally();
        self.send_after(Duration::from_millis(800));
    }

    fn send_after(&self, delay: Duration) {
        self.generation.update_value(|g| *g += 1);
        let mine = self.generation.get_value();
        let this = *self;
        set_timeout(
            move || {
                if this.generation.get_value() == mine {
                    this.send();
                }
            },
            delay,
        );
    }

    fn pending_lines(&self) -> Vec<DraftLine> {
        self.dirty.get_untracked().iter().filter_map(|c| self.line(c)).collect()
    }

    /// The figures waiting to be sent, and an error for each that is not a number.
    fn pending_figures(&self) -> (Vec<ActivityEntry>, Vec<FieldError>) {
        let (mut sent, mut errors) = (vec![], vec![]);
        for a in self.figures.with_value(|m| m.keys().copied().collect::<Vec<_>>()) {
            if !self.dirty.with_untracked(|d| d.contains(&figure_key(a))) {
                continue;
            }
            match self.figure(a) {
                Ok(value) => sent.push(ActivityEntry { activity: a, value }),
                Err(()) => errors.push(FieldError::new(figure_key(a), "Số liệu phải là số nguyên")),
            }
        }
        (sent, errors)
    }

    /// Sends what is waiting, unless it breaks a rule (then the field says so).
    pub fn send(&self) {
        if matches!(self.state.get_untracked(), SaveState::Saving | SaveState::Conflict(_)) {
            return;
        }
        let lines = self.pending_lines();
        let (figures, mut check) = self.pending_figures();
        if lines.is_empty() && figures.is_empty() && check.is_empty() {
            return;
        }
        check.extend(self.check(&lines, &figures));
        if !check.is_empty() {
            self.errors.set(check);
            self.state.set(SaveState::Invalid);
            return;
        }
        // Every figure was just checked with the others: a rule that tied
        // two of them holds again.
        self.errors.update(|e| e.retain(|f| !f.field.starts_with("activity.")));
        self.state.set(SaveState::Saving);
        let (this, version) = (*self, self.version.get_untracked());
        leptos::task::spawn_local(async move {
            let answer = save_draft(this.report_id, version, lines.clone(), figures.clone()).await;
            this.answered(lines, figures, answer);
        });
    }

    /// The domain's drafting rules over everything the form holds, since a
    /// rule may tie two figures together.
    fn check(&self, lines: &[DraftLine], figures: &[ActivityEntry]) -> Vec<FieldError> {
        let mut all: Vec<ActivityEntry> = self
            .figures
            .with_value(|m| m.keys().copied().collect::<Vec<_>>())
            .into_iter()
            .filter_map(|a| self.figure(a).ok().map(|value| ActivityEntry { activity: a, value }))
            .collect();
        all.retain(|e| !figures.iter().any(|f| f.activity == e.activity));
        all.extend(figures.iter().cloned());
        let draft = domain::draft_from_lines(lines, &all);
        self.view
            .with_value(|v| domain::validate_draft(&v.sheet(), v.unit_kind, &draft))
    }

    fn answered(&self, sent: Vec<DraftLine>, figures: Vec<ActivityEntry>, answer: Result<i32, ApiError>) {
        match answer {
            Ok(version) => {
                self.version.set(version);
                // A line typed again while it was on its way stays waiting.
                self.dirty.update(|d| {
                    for l in &sent {
                        if self.line(&l.code).as_ref() == Some(l) {
                            d.remove(&l.code);
                        }
                    }
                    for f in &figures {
                        if self.figure(f.activity) == Ok(f.value) {
                            d.remove(&figure_key(f.activity));
                        }
                    }
                });
                self.keep_locally();
                if self.dirty.with_untracked(BTreeSet::is_empty) {
                    self.state.set(SaveState::Saved);
                } else {
                    self.state.set(SaveState::Pending);
                    self.send_after(Duration::from_millis(200));
                }
            }
            Err(ApiError::Transport(_)) | Err(ApiError::Internal) => {
                self.state.set(SaveState::Offline);
                self.send_after(Duration::from_secs(5));
            }
            Err(ApiError::Conflict(message)) => self.state.set(SaveState::Conflict(message)),
            Err(ApiError::Fields(list)) => {
                self.errors.set(list);
                self.state.set(SaveState::Invalid);
            }
            Err(e) => {
                self.errors.set(vec![FieldError::new("form", e.message_vi())]);
                self.state.set(SaveState::Invalid);
            }
        }
    }

    /// After a conflict, the user keeps their own values over the server's.
    pub fn keep_mine(&self, server_version: i32) {
        self.version.set(server_version);
        self.state.set(SaveState::Pending);
        self.keep_locally();
        self.send();
    }

    /// After a conflict, the user drops their values for the server's.
    pub fn drop_mine(&self) {
        self.dirty.set(BTreeSet::new());
        self.keep_locally();
    }

    /// Retries at once when the browser says the connection is back.
    pub fn retry_when_online(&self) {
        #[cfg(feature = "hydrate")]
        {
            let this = *self;
            let handle = window_event_listener(leptos::ev::online, move |_| {
                if this.state.get_untracked() == SaveState::Offline {
                    this.state.set(SaveState::Pending);
                    this.send();
                }
            });
            on_cleanup(move || handle.remove());
        }
    }

    /// Puts back what this browser kept and the server does not have yet.
    pub fn restore(&self) {
        let Some(local) = storage_get(&self.key()).and_then(|t| serde_json::from_str::<LocalDraft>(&t).ok()) else {
            return;
        };
        let mut restored = false;
        for l in &local.lines {
            if let Some(i) = self.inputs.with_value(|m| m.get(&l.code).copied()) {
                i.score.set(l.score.map(domain::format_points).unwrap_or_default());
                i.explanation.set(l.explanation.clone());
                self.dirty.update(|d| {
                    d.insert(l.code.clone());
                });
                restored = true;
            }
        }
        for e in &local.activities {
            if let Some(input) = self.figures.with_value(|m| m.get(&e.activity).copied()) {
                input.set(e.value.map(|v| v.to_string()).unwrap_or_default());
                self.dirty.update(|d| {
                    d.insert(figure_key(e.activity));
                });
                restored = true;
            }
        }
        if restored {
            // An older version is sent as it was: the server says if it still fits.
            self.version.set(local.version);
            self.state.set(SaveState::Pending);
            self.send();
        }
    }

    fn keep_locally(&self) {
        let lines = self.pending_lines();
        // A figure typed wrong is kept as blank: the field still shows the text.
        let activities: Vec<ActivityEntry> = self
            .figures
            .with_value(|m| m.keys().copied().collect::<Vec<_>>())
            .into_iter()
            .filter(|a| self.dirty.with_untracked(|d| d.contains(&figure_key(*a))))
            .map(|a| ActivityEntry {
                activity: a,
                value: self.figure(a).ok().flatten(),
            })
            .collect();
        if lines.is_empty() && activities.is_empty() {
            storage_remove(&self.key());
        } else {
            let local = LocalDraft {
                version: self.version.get_untracked(),
                lines,
                activities,
            };
            if let Ok(text) = serde_json::to_string(&local) {
                storage_set(&self.key(), &text);
            }
        }
    }
}
