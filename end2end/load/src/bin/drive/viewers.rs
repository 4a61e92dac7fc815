//! The viewers: a page load, then the live stream held open for a while.

use super::*;

pub(crate) async fn public_view(user: &mut GooseUser) -> TransactionResult {
    let goose = user.get_named("/", "/").await?;
    read(goose).await?;
    hold_stream(user).await
}

pub(crate) async fn screen_view(user: &mut GooseUser) -> TransactionResult {
    let opened = user.get_session_data::<bool>().is_some();
    if opened {
        read(user.get_named("/man-hinh", "/man-hinh").await?).await?;
    } else {
        // The display link: a session for the screen, then `/man-hinh`.
        read(user.get_named(&format!("/man-hinh/{DISPLAY_TOKEN}"), "/man-hinh/{token}").await?).await?;
        user.set_session_data(true);
    }
    hold_stream(user).await
}

/// Holds the live stream for 30–90 s (less near the end), counting events.
async fn hold_stream(user: &mut GooseUser) -> TransactionResult {
    let hold = Duration::from_secs(rand::rng().random_range(30..=90)).min(left());
    if hold < Duration::from_secs(2) {
        // The run is ending: idle until goose stops this user.
        tokio::time::sleep(Duration::from_secs(2)).await;
        return Ok(());
    }
    let path = format!("/truc-tiep/{}", plan().campaign);
    let rb = user
        .get_request_builder(&GooseMethod::Get, &path)?
        .header("accept", "text/event-stream");
    let req = GooseRequest::builder()
        .path(path.as_str())
        .name("/truc-tiep/{campaign} (connect)")
        .set_request_builder(rb)
        .build();
    let started = Instant::now();
    let goose = user.request(req).await?;
    let res = goose.response?;
    if !res.status().is_success() {
        return Err(format!("stream: {}", res.status()).into());
    }
    let mut body = res.bytes_stream();
    let mut seen = String::new();
    let mut first: Option<Duration> = None;
    let deadline = tokio::time::Instant::now() + hold;
    let outcome: Result<(), String> = loop {
        match tokio::time::timeout_at(deadline, body.next()).await {
            Err(_) => break Ok(()),
            Ok(None) => break Err("stream ended".into()),
            Ok(Some(Err(e))) => break Err(format!("stream broke: {e}")),
            Ok(Some(Ok(chunk))) => {
                let text = String::from_utf8_lossy(&chunk);
                STREAM_BYTES.fetch_add(chunk.len() as u64, Ordering::Relaxed);
                SNAPSHOTS.fetch_add(text.matches("event: snapshot").count() as u64, Ordering::Relaxed);
                PINGS.fetch_add(text.matches("event: ping").count() as u64, Ordering::Relaxed);
                if first.is_none() {
                    seen.push_str(&String::from_utf8_lossy(&chunk));
                    if seen.contains("event: snapshot") || seen.contains("event:snapshot") {
                        first = Some(started.elapsed());
                        seen.clear();
                    }
                }
            }
        }
    };
    drop(body);
    if let Some(t) = first {
        user.record_custom_request_duration("SSE", "first snapshot", t, true, Some(200), None)
            .await?;
    }
    let error = match (&outcome, first) {
        (Err(e), _) => e.clone(),
        (Ok(()), None) => "no snapshot while held".to_string(),
        _ => {
            HELD.fetch_add(1, Ordering::Relaxed);
            return Ok(());
        }
    };
    // Only a stream that failed is a line of goose's tables (an error): the
    // time a viewer holds a stream is not a latency.
    user.record_custom_request_duration("SSE", "stream failed", started.elapsed(), false, None, Some(&error))
        .await?;
    Err(error.into())
}
