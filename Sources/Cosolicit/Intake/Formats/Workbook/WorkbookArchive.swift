import Foundation
import ZIPFoundation

/// The zip archive a workbook is: its parts by name, unpacked one at a time within `WorkbookLimits`.
///
/// The archive's directory is read here, from the bytes, rather than by ZIPFoundation's `Archive`: its
/// `extract` loops forever on a deflate stream that runs past the end of the file (seen with ZIPFoundation
/// 0.9.20), which any damaged or hostile file can have. Unpacking still uses ZIPFoundation's inflate
/// (`Data.decompress`), fed here from the part's own packed bytes only and stopped at the first limit passed.
/// Zip64 archives, split archives and encrypted entries are refused: no spreadsheet writer makes them for a
/// file of this size.
struct WorkbookArchive {
  /// One file in the archive, as its central directory describes it.
  private struct Entry {
    var name: String
    var flags: UInt16
    var method: UInt16
    var checksum: UInt32
    var packedSize: Int
    var size: Int
    var headerOffset: Int
  }

  /// The archive's bytes.
  private let bytes: [UInt8]
  /// The entries, by name in lowercase (part names are case-insensitive).
  private let entries: [String: Entry]
  /// The bytes unpacked so far, all parts together.
  private var unpacked = 0

  /// Reads the directory of the archive `bytes`; throws when they are not a zip archive, or a damaged or
  /// oversized one.
  init(bytes: [UInt8]) throws(WorkbookProblem) {
    self.bytes = bytes
    if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      throw .notAWorkbook("it is an Excel 97-2003 workbook (.xls) or a password-protected one")
    }
    guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) else {
      throw .notAWorkbook(bytes.isEmpty ? "the file is empty" : "it is not a zip archive, as workbooks are")
    }
    guard let end = Self.endOfDirectory(in: bytes) else {
      throw .notAWorkbook("it starts like a zip archive, but has no zip directory (is it cut short?)")
    }
    let count = Int(Self.uint16(bytes, end + 10))
    let directorySize = Int(Self.uint32(bytes, end + 12))
    let directoryOffset = Int(Self.uint32(bytes, end + 16))
    guard Self.uint16(bytes, end + 4) == 0, Self.uint16(bytes, end + 6) == 0 else {
      throw .notAWorkbook("it is a zip archive split over several files")
    }
    guard count != 0xFFFF, directoryOffset != 0xFFFF_FFFF else {
      throw .notAWorkbook("it is a Zip64 archive, which spreadsheet writers use only for files of gigabytes")
    }
    guard count <= WorkbookLimits.maximumEntries else {
      throw WorkbookProblem(
        "the workbook holds \(count) files (zip entries); at most \(WorkbookLimits.maximumEntries) are read, and "
          + "Excel writes a dozen or so")
    }
    guard directoryOffset + directorySize <= end else { throw .damaged("its zip directory lies past its end") }
    var entries: [String: Entry] = [:]
    var offset = directoryOffset
    for _ in 0..<count {
      guard offset + 46 <= end, Self.uint32(bytes, offset) == 0x0201_4B50 else {
        throw .damaged("its zip directory is cut short or malformed")
      }
      let nameLength = Int(Self.uint16(bytes, offset + 28))
      let extraLength = Int(Self.uint16(bytes, offset + 30))
      let commentLength = Int(Self.uint16(bytes, offset + 32))
      guard offset + 46 + nameLength <= end else { throw .damaged("its zip directory is cut short") }
      let name = String(decoding: bytes[offset + 46..<offset + 46 + nameLength], as: UTF8.self)
      let entry = Entry(
        name: name, flags: Self.uint16(bytes, offset + 8), method: Self.uint16(bytes, offset + 10),
        checksum: Self.uint32(bytes, offset + 16), packedSize: Int(Self.uint32(bytes, offset + 20)),
        size: Int(Self.uint32(bytes, offset + 24)), headerOffset: Int(Self.uint32(bytes, offset + 42)))
      let key = name.lowercased()
      guard entries[key] == nil else { throw .damaged("it holds two files named \(name)") }
      entries[key] = entry
      offset += 46 + nameLength + extraLength + commentLength
    }
    self.entries = entries
  }

  /// Whether the archive has a part called `name` (in any case).
  func has(_ name: String) -> Bool { entries[name.lowercased()] != nil }

  /// The unpacked bytes of the part called `name` (in any case), or nil when there is none; throws when it
  /// cannot be unpacked, or would pass a limit.
  mutating func part(_ name: String) throws(WorkbookProblem) -> [UInt8]? {
    guard let entry = entries[name.lowercased()] else { return nil }
    guard entry.flags & 1 == 0 else {
      throw .notAWorkbook("its part \(name) is encrypted (a password-protected workbook)")
    }
    guard entry.size <= WorkbookLimits.maximumPartSize else { throw tooLarge(name) }
    let headerOffset = entry.headerOffset
    guard headerOffset + 30 <= bytes.count, Self.uint32(bytes, headerOffset) == 0x0403_4B50 else {
      throw .damaged("the header of its part \(name) is missing")
    }
    let start =
      headerOffset + 30 + Int(Self.uint16(bytes, headerOffset + 26)) + Int(Self.uint16(bytes, headerOffset + 28))
    guard start + entry.packedSize <= bytes.count else { throw .damaged("its part \(name) is cut short") }
    let packed = start..<start + entry.packedSize
    let output: [UInt8]
    let checksum: CRC32
    switch entry.method {
    case 0:
      guard entry.packedSize == entry.size else { throw .damaged("the sizes given for its part \(name) disagree") }
      try count(entry.size, name: name, packedSize: entry.packedSize)
      output = Array(bytes[packed])
      checksum = Data(output).crc32(checksum: 0)
    case 8:
      (output, checksum) = try inflate(packed, entry: entry)
    default:
      throw .part(name, "is packed with zip method \(entry.method), which is not read (only deflate is)")
    }
    guard output.count == entry.size else { throw .damaged("its part \(name) is not the size its directory gives") }
    guard checksum == entry.checksum else {
      throw .damaged("the checksum of its part \(name) does not match")
    }
    return output
  }

  /// Unpacks the deflated bytes at `packed`, counting as it goes.
  private mutating func inflate(
    _ packed: Range<Int>, entry: Entry
  ) throws(WorkbookProblem) -> (output: [UInt8], checksum: CRC32) {
    let chunk = 65_536
    var output: [UInt8] = []
    output.reserveCapacity(min(entry.size, WorkbookLimits.maximumPartSize))
    var offset = packed.lowerBound
    var padded = false
    var stop: WorkbookProblem?
    let bytes = self.bytes
    var counted = 0
    let checksum: CRC32
    do {
      checksum = try Data.decompress(
        size: Int64(entry.packedSize), bufferSize: chunk, skipCRC32: false,
        provider: { _, size in
          // zlib is handed `size` bytes each time, whatever the chunk holds: past the packed bytes, one chunk of
          // zeros (which zlib cannot take for the end of a stream), then an error rather than another chunk.
          guard !padded else { throw WorkbookProblem.damaged("its part \(entry.name) ends before its data does") }
          let end = min(offset + size, packed.upperBound)
          var data = Data(bytes[offset..<end])
          offset = end
          if data.count < size {
            data.append(Data(count: size - data.count))
            padded = true
          }
          return data
        },
        consumer: { data in
          output.append(contentsOf: data)
          counted = output.count
          if let problem = self.limitProblem(counted, name: entry.name, packedSize: entry.packedSize) {
            stop = problem
            throw problem
          }
        })
    } catch {
      if let stop { throw stop }
      if let problem = error as? WorkbookProblem { throw problem }
      throw .damaged("its part \(entry.name) cannot be unpacked (the packed data is malformed)")
    }
    unpacked += counted
    return (output, checksum)
  }

  /// Counts `size` more bytes unpacked from part `name`; throws at a limit.
  private mutating func count(_ size: Int, name: String, packedSize: Int) throws(WorkbookProblem) {
    if let problem = limitProblem(size, name: name, packedSize: packedSize) { throw problem }
    unpacked += size
  }

  /// The limit a part `name` of `packedSize` packed bytes would pass at `size` bytes unpacked, if any.
  private func limitProblem(_ size: Int, name: String, packedSize: Int) -> WorkbookProblem? {
    if size > WorkbookLimits.maximumPartSize { return tooLarge(name) }
    if unpacked + size > WorkbookLimits.maximumTotalSize {
      return WorkbookProblem(
        "the workbook's parts unpack to more than \(WorkbookLimits.maximumTotalSize / 1_048_576) MiB together; "
          + "split the needs into several files")
    }
    if size > WorkbookLimits.ratioCheckedAbove, size / max(packedSize, 1) >= WorkbookLimits.maximumRatio {
      return WorkbookProblem(
        "the workbook's part \(name) unpacks to more than \(WorkbookLimits.maximumRatio) times its packed size, as "
          + "zip bombs do; spreadsheets pack about 10 to 1, so save it again from Excel as .xlsx, or as CSV")
    }
    return nil
  }

  private func tooLarge(_ name: String) -> WorkbookProblem {
    WorkbookProblem(
      "the workbook's part \(name) unpacks to more than \(WorkbookLimits.maximumPartSize / 1_048_576) MiB, the "
        + "most read; split the needs into several files")
  }

  /// The offset of the end of central directory record: within the last 64 KiB and 22 bytes (its size and
  /// the longest comment), read backwards as zip readers do.
  private static func endOfDirectory(in bytes: [UInt8]) -> Int? {
    guard bytes.count >= 22 else { return nil }
    let lowest = max(0, bytes.count - 22 - 65_535)
    var offset = bytes.count - 22
    while offset >= lowest {
      if bytes[offset] == 0x50, uint32(bytes, offset) == 0x0605_4B50 { return offset }
      offset -= 1
    }
    return nil
  }

  private static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
    UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
  }

  private static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
    UInt32(uint16(bytes, offset)) | UInt32(uint16(bytes, offset + 2)) << 16
  }
}
