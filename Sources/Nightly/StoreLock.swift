#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One nightly run at a time per store: an exclusive `flock` on `<store>/lock`, held for the whole run.
///
/// The kernel drops the lock when its holder dies, even by `kill -9`, so a crashed run never blocks the next.
/// A second run waits up to `waitSeconds` for it, then fails with `NightlyError.storeBusy`.
public final class StoreLock: Sendable {
  private let descriptor: Int32

  public init(directory: String, waitSeconds: Int) throws(NightlyError) {
    let path = directory + "/lock"
    descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw .store(path: path, reason: "cannot open the lock file: \(String(cString: strerror(errno)))")
    }
    var waited = 0
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      guard errno == EWOULDBLOCK || errno == EINTR else {
        close(descriptor)
        throw .store(path: path, reason: "cannot lock: \(String(cString: strerror(errno)))")
      }
      guard waited < waitSeconds * 10 else {
        close(descriptor)
        throw .storeBusy(path: directory, waitedSeconds: waitSeconds)
      }
      usleep(100_000)
      waited += 1
    }
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
