//! Who is asking, behind a reverse proxy: the proxy's own address is every
//! request's peer, so sign-in limits and the audit trail would see one client.
//! Only proxies named in the configuration are believed about X-Forwarded-For.

use std::net::IpAddr;

/// The reverse proxies whose X-Forwarded-For is believed.
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(pub Vec<IpAddr>);

impl TrustedProxies {
    /// The client's address: the peer's, or, when the peer is a trusted
    /// proxy, the right-most address in X-Forwarded-For that is not one of
    /// them (what the client sent further left may be made up).
    pub fn client_ip(&self, peer: IpAddr, forwarded_for: Option<&str>) -> IpAddr {
        if !self.0.contains(&peer) {
            return peer;
        }
        let Some(list) = forwarded_for else { return peer };
        let mut hops = list.rsplit(',').map(|a| a.trim().parse::<IpAddr>());
        loop {
            match hops.next() {
                Some(Ok(ip)) if self.0.contains(&ip) => continue,
                Some(Ok(ip)) => return ip,
                // A malformed entry: nothing left of it can be trusted either.
                Some(Err(_)) | None => return peer,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn only_a_trusted_proxy_is_believed() {
        let proxies = TrustedProxies(vec![ip("127.0.0.1"), ip("10.0.0.2")]);
        let xff = Some("1.2.3.4, 203.0.113.9");
        assert_eq!(proxies.client_ip(ip("127.0.0.1"), xff), ip("203.0.113.9"));
        assert_eq!(proxies.client_ip(ip("198.51.100.7"), xff), ip("198.51.100.7"));
        assert_eq!(
            TrustedProxies::default().client_ip(ip("127.0.0.1"), xff),
            ip("127.0.0.1")
        );
    }

    #[test]
    fn proxies_in_the_chain_are_skipped_and_garbage_is_not_believed() {
        let proxies = TrustedProxies(vec![ip("127.0.0.1"), ip("10.0.0.2")]);
        assert_eq!(
            proxies.client_ip(ip("127.0.0.1"), Some("203.0.113.9, 10.0.0.2")),
            ip("203.0.113.9")
        );
        assert_eq!(
            proxies.client_ip(ip("127.0.0.1"), Some("203.0.113.9, not-an-ip")),
            ip("127.0.0.1")
        );
        assert_eq!(proxies.client_ip(ip("127.0.0.1"), None), ip("127.0.0.1"));
        assert_eq!(proxies.client_ip(ip("127.0.0.1"), Some("10.0.0.2")), ip("127.0.0.1"));
    }
}
