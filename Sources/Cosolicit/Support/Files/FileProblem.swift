import Foundation

/// What went wrong with a file, in words: Foundation's errors on Linux describe themselves as "The operation
/// could not be completed (NSCocoaErrorDomain error 512)", which says neither what failed nor why.
enum FileProblem {
  /// The reason behind `error`: the operating system's words for its underlying error (`Not a directory`,
  /// `Permission denied`, `Read-only file system`, `No space left on device`), with the file it concerns.
  static func describe(_ error: any Error) -> String {
    let error = error as NSError
    var reason: String
    if let posix = error.userInfo[NSUnderlyingErrorKey] as? POSIXError {
      reason = String(cString: strerror(posix.code.rawValue))
    } else if let underlying = (error.userInfo[NSUnderlyingErrorKey] as? any Error).map({ $0 as NSError }),
      underlying.domain == NSPOSIXErrorDomain
    {
      reason = String(cString: strerror(Int32(underlying.code)))
    } else if error.domain == NSPOSIXErrorDomain {
      reason = String(cString: strerror(Int32(error.code)))
    } else if let known = Self.reasons[error.code], error.domain == NSCocoaErrorDomain {
      reason = known
    } else {
      reason = error.localizedDescription
    }
    if let path = error.userInfo[NSFilePathErrorKey] as? String { reason += " (\(VisibleText.escaped(path)))" }
    return reason
  }

  /// Foundation's file error codes, in words, for errors without an underlying system error.
  private static let reasons: [Int: String] = [
    CocoaError.fileNoSuchFile.rawValue: "no such file or folder",
    CocoaError.fileReadNoSuchFile.rawValue: "no such file or folder",
    CocoaError.fileReadNoPermission.rawValue: "permission denied",
    CocoaError.fileWriteNoPermission.rawValue: "permission denied",
    CocoaError.fileWriteOutOfSpace.rawValue: "no space left on the device",
    CocoaError.fileWriteVolumeReadOnly.rawValue: "read-only file system",
    CocoaError.fileWriteFileExists.rawValue: "a file of that name exists",
  ]
}
