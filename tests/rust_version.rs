//! `rust-version` in Cargo.toml is the true minimum: the highest any resolved dependency declares.

use std::process::Command;

/// `1.88` and `1.88.0` are the same version.
fn version(text: &str) -> Vec<u32> {
    let mut parts: Vec<u32> = text.split('.').map(|part| part.parse().unwrap()).collect();
    parts.resize(3, 0);
    parts
}

#[test]
fn rust_version_is_the_highest_any_dependency_declares() {
    let output = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let resolved: Vec<&str> = metadata["resolve"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|node| node["id"].as_str().unwrap())
        .collect();
    let ours = env!("CARGO_PKG_RUST_VERSION");
    let highest = metadata["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|package| resolved.contains(&package["id"].as_str().unwrap()))
        .filter(|package| package["name"] != "reviews")
        .filter_map(|package| {
            let declared = package["rust_version"].as_str()?;
            Some((version(declared), package["name"].as_str().unwrap()))
        })
        .max()
        .expect("some dependency declares a rust-version");
    assert_eq!(
        version(ours),
        highest.0,
        "Cargo.toml says rust-version = \"{ours}\", but {} needs {:?}",
        highest.1,
        highest.0
    );
}
