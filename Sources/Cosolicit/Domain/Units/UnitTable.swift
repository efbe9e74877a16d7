/// The units the tool knows, with their exact factors and the names people write for them.
enum UnitTable {
  static let units: [UnitOfMeasure] = [
    // Count
    .init("EA", "each", .count),
    .init("C62", "one", .count),
    .init("DZN", "dozen", .count, "12"),
    .init("CEN", "hundred", .count, "100"),
    .init("GRO", "gross", .count, "144"),
    .init("MIL", "thousand", .count, "1000"),
    .init("PR", "pair", .pair),
    .init("SET", "set", .set),
    // Mass (kilograms)
    .init("MGM", "milligram", .mass, "0.000001"),
    .init("GRM", "gram", .mass, "0.001"),
    .init("KGM", "kilogram", .mass),
    .init("ONZ", "ounce", .mass, "0.028349523125"),
    .init("LBR", "pound", .mass, "0.45359237"),
    .init("STN", "short ton", .mass, "907.18474"),
    .init("LTN", "long ton", .mass, "1016.0469088"),
    .init("TNE", "tonne", .mass, "1000"),
    // Volume (liters)
    .init("MLT", "milliliter", .volume, "0.001"),
    .init("CLT", "centiliter", .volume, "0.01"),
    .init("LTR", "liter", .volume),
    .init("OZA", "fluid ounce", .volume, "0.0295735295625"),
    .init("PTI", "pint", .volume, "0.473176473"),
    .init("QTI", "quart", .volume, "0.946352946"),
    .init("GLL", "gallon", .volume, "3.785411784"),
    .init("GLI", "imperial gallon", .volume, "4.54609"),
    .init("FTQ", "cubic foot", .volume, "28.316846592"),
    .init("YDQ", "cubic yard", .volume, "764.554857984"),
    .init("MTQ", "cubic meter", .volume, "1000"),
    // Length (meters)
    .init("MMT", "millimeter", .length, "0.001"),
    .init("CMT", "centimeter", .length, "0.01"),
    .init("MTR", "meter", .length),
    .init("KMT", "kilometer", .length, "1000"),
    .init("INH", "inch", .length, "0.0254"),
    .init("FOT", "foot", .length, "0.3048"),
    .init("YRD", "yard", .length, "0.9144"),
    .init("SMI", "mile", .length, "1609.344"),
    // Area (square meters)
    .init("MTK", "square meter", .area),
    .init("FTK", "square foot", .area, "0.09290304"),
    .init("YDK", "square yard", .area, "0.83612736"),
    .init("ACR", "acre", .area, "4046.8564224"),
    .init("HAR", "hectare", .area, "10000"),
    // Clock time (minutes)
    .init("MIN", "minute", .time),
    .init("HUR", "hour", .time, "60"),
    .init("DAY", "day", .time, "1440"),
    .init("WEE", "week", .time, "10080"),
    // Calendar time (months)
    .init("MON", "month", .calendarTime),
    .init("QAN", "quarter", .calendarTime, "3"),
    .init("ANN", "year", .calendarTime, "12"),
    // Energy (kilowatt hours)
    .init("KWH", "kilowatt hour", .energy),
    .init("MWH", "megawatt hour", .energy, "1000"),
    // Lump sums and services
    .init("LS", "lump sum", .lumpSum),
    .init("E48", "service unit", .service),
    .init("E51", "job", .service),
    // Packages: Recommendation 21 codes with the X prefix
    .init("XBX", "box", .package),
    .init("XCS", "case", .package),
    .init("XPK", "pack", .package),
    .init("XCT", "carton", .package),
    .init("XRO", "roll", .package),
    .init("XBG", "bag", .package),
    .init("XPX", "pallet", .package),
    .init("XDR", "drum", .package),
    .init("XBO", "bottle", .package),
    .init("XCA", "can", .package),
    .init("XPL", "pail", .package),
    .init("XBE", "bundle", .package),
    .init("XTU", "tube", .package),
    .init("XJR", "jar", .package),
    .init("XSA", "sack", .package),
    .init("XKI", "kit", .package),
    .init("XCR", "crate", .package),
    .init("XTB", "tub", .package),
  ]

  /// Other names and abbreviations people write, each mapped to a code.
  static let aliases: [String: String] = [
    "ea": "EA", "each": "EA", "unit": "EA", "piece": "EA", "pc": "EA", "pcs": "EA", "item": "EA",
    "dz": "DZN", "doz": "DZN", "pair": "PR", "pairs": "PR",
    "mg": "MGM", "g": "GRM", "gm": "GRM", "kg": "KGM", "kilo": "KGM", "oz": "ONZ",
    "lb": "LBR", "lbs": "LBR", "pound": "LBR",
    "ton": "STN", "short ton": "STN", "us ton": "STN", "net ton": "STN", "long ton": "LTN",
    "tonne": "TNE", "metric ton": "TNE", "metric tonne": "TNE", "t": "TNE",
    "ml": "MLT", "cl": "CLT", "l": "LTR", "liter": "LTR", "litre": "LTR",
    "fl oz": "OZA", "pt": "PTI", "qt": "QTI", "gal": "GLL", "us gallon": "GLL",
    "cu ft": "FTQ", "cubic feet": "FTQ", "cu yd": "YDQ", "cy": "YDQ", "m3": "MTQ", "cubic metre": "MTQ",
    "mm": "MMT", "cm": "CMT", "m": "MTR", "metre": "MTR", "km": "KMT", "in": "INH", "ft": "FOT", "feet": "FOT",
    "yd": "YRD", "mi": "SMI",
    "m2": "MTK", "sq m": "MTK", "square metre": "MTK", "sq ft": "FTK", "sf": "FTK", "square feet": "FTK",
    "sq yd": "YDK", "ac": "ACR", "ha": "HAR",
    "min": "MIN", "hr": "HUR", "hrs": "HUR", "h": "HUR", "wk": "WEE", "mo": "MON", "yr": "ANN",
    "annum": "ANN", "kwh": "KWH", "mwh": "MWH",
    "lump": "LS", "lot": "LS", "ls": "LS",
    "bx": "XBX", "cs": "XCS", "pk": "XPK", "pkg": "XPK", "package": "XPK", "ctn": "XCT", "rl": "XRO",
    "plt": "XPX", "skid": "XPX", "btl": "XBO", "bdl": "XBE",
  ]

  /// Names accepted but ambiguous, with what they were read as.
  static let ambiguousNames: [String: String] = [
    "ton": "'ton' is ambiguous in US use; read as short ton (STN, 907.18474 kg), not tonne (TNE, 1000 kg); "
      + "write 'short ton' or 'metric ton'",
    "tons": "'tons' is ambiguous in US use; read as short tons (STN, 907.18474 kg), not tonnes (TNE, 1000 kg); "
      + "write 'short tons' or 'metric tons'",
  ]

  static let byCode: [String: UnitOfMeasure] = Dictionary(
    units.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

  /// Texts that name a unit exactly as the lookup would normalize them (codes as written, lowercase names that
  /// are neither ambiguous nor a code), so that the common case is one dictionary read.
  static let exactTexts: [String: UnitOfMeasure] = {
    var texts = byCode
    for (name, unit) in byName where ambiguousNames[name] == nil && byCode[name.uppercased()] == nil {
      let normalized = name.split(separator: " ").joined(separator: " ")
      if normalized == name, !name.hasSuffix("."), !name.contains("\t") { texts[name] = unit }
    }
    return texts
  }()

  static let byName: [String: UnitOfMeasure] = {
    var names: [String: UnitOfMeasure] = [:]
    for unit in units { names[unit.name] = unit }
    for (alias, code) in aliases { names[alias] = byCode[code] }
    names["tons"] = byCode["STN"]
    return names
  }()
}

extension UnitTable {
  /// Each unit's position in ``units``, by code: compact lines name their unit by it.
  static let positions: [String: Int16] = Dictionary(
    units.enumerated().map { ($1.code, Int16($0)) }, uniquingKeysWith: { first, _ in first })
}
