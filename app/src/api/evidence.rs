//! Evidence of a report: files uploaded from a phone or a laptop (checked by
//! content, limited in size, stored under generated names) and links.
//! Only the unit's own staff add or remove it, while the report is open to
//! them; whoever may read the report may read its evidence.

use super::ApiError;
use domain::{EvidenceItem, Id};
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};
#[cfg(feature = "ssr")]
use {
    super::access::{Caller, Me, authorize},
    leptos::server_fn::ServerFn,
    std::path::PathBuf,
};

/// The folder evidence files are kept in, set by the server's configuration.
#[derive(Clone, Debug)]
pub struct FilesDir(pub std::path::PathBuf);

#[server(endpoint = "evidence/list")]
pub async fn list_evidence(report_id: Id) -> Result<Vec<EvidenceItem>, ApiError> {
    let caller = authorize(ListEvidence::PATH).await?;
    let db = super::server::db()?;
    let report = store::reports::get(&db, report_id).await?.ok_or(ApiError::NotFound)?;
    caller.require_read_unit(report.unit_id).map_err(ApiError::respond)?;
    Ok(store::evidence::list(&db, report_id).await?)
}

/// The report and criterion evidence is added to, after the access checks.
#[cfg(feature = "ssr")]
async fn target(
    caller: &Caller,
    db: &store::DatabaseConnection,
    report_id: Id,
    criterion_code: &str,
) -> Result<(Me, domain::ReportView, Id), ApiError> {
    let report = store::reports::get(db, report_id)
        .await?
        .ok_or_else(|| ApiError::NotFound.respond())?;
    let me = caller
        .require_write_unit(report.unit_id)
        .map_err(ApiError::respond)?
        .clone();
    if !domain::is_editable_by_unit(report.status) {
        return Err(ApiError::Invalid(format!(
            "Báo cáo đang ở trạng thái \"{}\", không thêm hoặc xoá tài liệu được.",
            report.status.label()
        ))
        .respond());
    }
    let line = report
        .lines
        .iter()
        .find(|l| l.code == criterion_code && l.rule == domain::ScoringRule::SelfScored)
        .ok_or_else(|| ApiError::Invalid("Tiêu chí không có trong báo cáo này.".into()).respond())?;
    let criterion_id = line.criterion_id;
    if store::evidence::count_for(db, report_id, criterion_id).await? as usize >= domain::MAX_EVIDENCE_PER_CRITERION {
        return Err(ApiError::Invalid(format!(
            "Mỗi tiêu chí có tối đa {} tài liệu.",
            domain::MAX_EVIDENCE_PER_CRITERION
        ))
        .respond());
    }
    Ok((me, report, criterion_id))
}

#[cfg(feature = "ssr")]
async fn record(
    caller: &Caller,
    db: &store::DatabaseConnection,
    report: &domain::ReportView,
    criterion_id: Id,
    me: &Me,
    item: store::evidence::NewEvidence,
    shown: String,
) -> Result<EvidenceItem, ApiError> {
    let txn = store::begin_write(db).await?;
    let id = store::evidence::add(&txn, report.id, criterion_id, item, me.user_id).await?;
    let mut e = caller.audit("evidence_added", "report", Some(report.id));
    e.campaign_id = Some(report.campaign_id);
    e.unit_id = Some(report.unit_id);
    e.new_value = Some(shown);
    store::audit::record(&txn, e).await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    Ok(store::evidence::get(db, id).await?.ok_or(ApiError::Internal)?.item)
}

/// A file from a multipart form with the fields `report_id`, `criterion_code`
/// and then `file`. The browser sends it with upload progress.
#[server(endpoint = "evidence/upload", input = MultipartFormData)]
pub async fn upload_evidence(data: MultipartData) -> Result<EvidenceItem, ApiError> {
    let caller = authorize(UploadEvidence::PATH).await?;
    let db = super::server::db()?;
    let mut form = data.into_inner().ok_or(ApiError::Internal)?;
    let bad = |m: &str| ApiError::Invalid(m.to_string()).respond();
    let (mut report_id, mut code) = (None, None);
    while let Some(mut field) = form
        .next_field()
        .await
        .map_err(|_| bad("Biểu mẫu tải lên không đọc được."))?
    {
        match field.name() {
            Some("report_id") => report_id = field.text().await.ok().and_then(|t| t.trim().parse::<Id>().ok()),
            Some("criterion_code") => code = field.text().await.ok(),
            Some("file") => {
                let (report_id, code) = report_id
                    .zip(code.clone())
                    .ok_or_else(|| bad("Thiếu báo cáo hoặc tiêu chí."))?;
                let (me, report, criterion_id) = target(&caller, &db, report_id, &code).await?;
                let name = domain::display_name(field.file_name().unwrap_or(""));
                let dir = use_context::<FilesDir>().ok_or(ApiError::Internal)?.0;
                let saved = files::receive(&dir, &mut field)
                    .await
                    .map_err(|e| ApiError::Fields(vec![e]).respond())?;
                let item = store::evidence::NewEvidence::File {
                    original_name: name.clone(),
                    stored_name: saved.stored_name.clone(),
                    mime: saved.mime.to_string(),
                    size_bytes: saved.size as i64,
                };
                let shown = format!("{code}: {name} ({} KB)", saved.size.div_ceil(1024));
                let done = record(&caller, &db, &report, criterion_id, &me, item, shown).await;
                if done.is_err() {
                    files::remove(&dir, &saved.stored_name).await;
                }
                return done;
            }
            _ => {}
        }
    }
    Err(bad("Chưa chọn tệp."))
}

#[server(endpoint = "evidence/add_link")]
pub async fn add_evidence_link(report_id: Id, criterion_code: String, url: String) -> Result<EvidenceItem, ApiError> {
    let caller = authorize(AddEvidenceLink::PATH).await?;
    let db = super::server::db()?;
    let (me, report, criterion_id) = target(&caller, &db, report_id, &criterion_code).await?;
    if let Some(e) = domain::validate_link(&url) {
        return Err(ApiError::Fields(vec![e]).respond());
    }
    let url = url.trim().to_string();
    let shown = format!("{criterion_code}: {url}");
    record(
        &caller,
        &db,
        &report,
        criterion_id,
        &me,
        store::evidence::NewEvidence::Link { url },
        shown,
    )
    .await
}

#[server(endpoint = "evidence/remove")]
pub async fn remove_evidence(evidence_id: Id) -> Result<(), ApiError> {
    let caller = authorize(RemoveEvidence::PATH).await?;
    let db = super::server::db()?;
    let stored = store::evidence::get(&db, evidence_id)
        .await?
        .ok_or_else(|| ApiError::NotFound.respond())?;
    let report = store::reports::get(&db, stored.report_id)
        .await?
        .ok_or(ApiError::Internal)?;
    caller.require_write_unit(report.unit_id).map_err(ApiError::respond)?;
    if !domain::is_editable_by_unit(report.status) {
        return Err(ApiError::Invalid("Báo cáo đã gửi hoặc đã duyệt: không xoá tài liệu được.".into()).respond());
    }
    let txn = store::begin_write(&db).await?;
    store::evidence::remove(&txn, evidence_id).await?;
    let mut e = caller.audit("evidence_removed", "report", Some(report.id));
    e.campaign_id = Some(report.campaign_id);
    e.unit_id = Some(report.unit_id);
    e.old_value = Some(format!("{}: {}", stored.item.criterion_code, stored.item.name));
    store::audit::record(&txn, e).await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    if let (Some(name), Some(dir)) = (stored.stored_name, use_context::<FilesDir>()) {
        files::remove(&dir.0, &name).await;
    }
    Ok(())
}

/// The file on disk: written under a temporary name while it arrives,
/// checked by its first bytes and its size, then given its generated name.
#[cfg(feature = "ssr")]
pub mod files {
    use super::PathBuf;
    use domain::FieldError;
    use tokio::io::AsyncWriteExt;

    pub struct Saved {
        pub stored_name: String,
        pub mime: &'static str,
        pub size: usize,
    }

    /// The generated name of a stored file, or `None` for anything that is not one.
    pub fn path_of(dir: &std::path::Path, stored_name: &str) -> Option<PathBuf> {
        let ok = !stored_name.is_empty()
            && stored_name
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == '.' || c.is_ascii_lowercase())
            && !stored_name.starts_with('.')
            && !stored_name.contains("..");
        ok.then(|| dir.join(stored_name))
    }

    pub async fn receive(dir: &std::path::Path, field: &mut multer::Field<'static>) -> Result<Saved, FieldError> {
        let internal = |e: std::io::Error| {
            tracing::error!("evidence file: {e}");
            FieldError::new("file", "Không lưu được tệp trên máy chủ. Vui lòng thử lại.")
        };
        tokio::fs::create_dir_all(dir).await.map_err(internal)?;
        let id = crate::api::server::random_token();
        let temp = dir.join(format!("{id}.part"));
        let mut out = tokio::fs::File::create(&temp).await.map_err(internal)?;
        let mut head = Vec::with_capacity(8192);
        let mut size = 0usize;
        let result: Result<(), FieldError> = async {
            while let Some(chunk) = field
                .chunk()
                .await
                .map_err(|_| FieldError::new("file", "Tệp tải lên bị ngắt giữa chừng."))?
            {
                size += chunk.len();
                if size > domain::MAX_EVIDENCE_BYTES {
                    return Err(domain::size_error());
                }
                if head.len() < 8192 {
                    head.extend_from_slice(&chunk[..chunk.len().min(8192 - head.len())]);
                }
                out.write_all(&chunk).await.map_err(internal)?;
            }
            out.flush().await.map_err(internal)?;
            Ok(())
        }
        .await;
        let mime = infer::get(&head).map(|t| t.mime_type());
        let ext = mime.and_then(domain::allowed_extension);
        let checked = result.and_then(|_| match (mime, ext) {
            _ if size == 0 => Err(FieldError::new("file", "Tệp rỗng.")),
            (Some(m), Some(e)) => Ok((m, e)),
            _ => Err(domain::type_error()),
        });
        match checked {
            Ok((mime, ext)) => {
                let stored_name = format!("{id}.{ext}");
                tokio::fs::rename(&temp, dir.join(&stored_name))
                    .await
                    .map_err(internal)?;
                Ok(Saved {
                    stored_name,
                    mime,
                    size,
                })
            }
            Err(e) => {
                let _ = tokio::fs::remove_file(&temp).await;
                Err(e)
            }
        }
    }

    pub async fn remove(dir: &std::path::Path, stored_name: &str) {
        if let Some(path) = path_of(dir, stored_name)
            && let Err(e) = tokio::fs::remove_file(&path).await
        {
            tracing::warn!("removing evidence file {stored_name}: {e}");
        }
    }
}
