import Foundation

/// One organization of the IRS Exempt Organizations Business Master File (one CSV per state,
/// 28 columns; see `MasterFile.columns`). Only the fields an import uses are kept.
public struct MasterFileRecord: Sendable, Hashable {
    /// The physical line of the file (the header is line 1).
    public var line: Int
    /// Nine digits, as the file writes them (`010180687`).
    public var ein: String
    public var name: String
    /// The "in care of" line (`% HAROLD PYKE`): a person, never imported.
    public var careOf: String
    public var city: String
    public var state: String
    public var zip: String
    /// The 501(c) subsection (`03` charitable, `01` government instrumentality, `19` veterans…).
    public var subsection: String
    public var classification: String
    /// The foundation code (`10` church, `14` governmental unit, `15` publicly supported…).
    public var foundation: String
    /// Up to three three-digit activity codes (`001` church…).
    public var activity: String
    /// `REVENUE_AMT` in USD; nil when blank or not a number. Negative values are kept here and
    /// read as unknown by the import.
    public var revenue: Double?
    /// `NTEE_CD` as written, trimmed (often blank).
    public var ntee: String
}

/// The streaming reader of master files: the file is read in blocks, each record's fields are
/// looked at as bytes, and only the records that pass the filter become values, so a
/// 1.8-million-row national file costs the memory of one block plus the organizations kept.
public enum MasterFile {
    /// The header of every state file the IRS publishes (`eo_xx.csv`).
    public static let columns = [
        "EIN", "NAME", "ICO", "STREET", "CITY", "STATE", "ZIP", "GROUP", "SUBSECTION", "AFFILIATION",
        "CLASSIFICATION", "RULING", "DEDUCTIBILITY", "FOUNDATION", "ACTIVITY", "ORGANIZATION", "STATUS",
        "TAX_PERIOD", "ASSET_CD", "INCOME_CD", "FILING_REQ_CD", "PF_FILING_REQ_CD", "ACCT_PD", "ASSET_AMT",
        "INCOME_AMT", "REVENUE_AMT", "NTEE_CD", "SORT_NAME",
    ]

    /// What reading one or more master files found.
    public struct Scan: Sendable {
        /// The records that passed the filter, in file order.
        public var records: [MasterFileRecord] = []
        public var diagnostics: [Diagnostic] = []
        /// Data rows read (every file).
        public var rows = 0
        /// Rows the filter left out.
        public var filteredOut = 0
        /// Which file each record came from (parallel to `records`).
        public var files: [String] = []
        public init() {}
    }

    /// Reads `bytes` (a whole file, or a block of one starting at `startLine` with `header`
    /// already known) and appends what passes `filter` to `scan`.
    /// - Complexity: O(n) in the size of the input.
    static func scanBlock(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, startLine: Int, header: inout [Int]?,
        filter: MasterFileFilter, limits: InputLimits, into scan: inout Scan
    ) {
        var headerIndex = header
        var local = scan
        let diagnostics = CSVParser.parse(
            bytes, file: file, limits: limits, startLine: startLine, delimiter: CSVDialect.comma
        ) { record in
            guard let index = headerIndex else {
                // The header row.
                var names: [String] = []
                for k in 0..<record.count { names.append(text(record, k).uppercased()) }
                var found: [Int] = []
                var missing: [String] = []
                for c in columns {
                    if let i = names.firstIndex(of: c) { found.append(i) } else { missing.append(c) }
                }
                if !missing.isEmpty {
                    local.diagnostics.append(
                        .error(
                            file, .line(record.line),
                            "not an IRS exempt-organizations master file: missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))",
                            hint:
                                "download a state file (eo_xx.csv) from the IRS Exempt Organizations Business Master File Extract; for your own spreadsheet use `partnerkit import csv`"
                        ))
                    headerIndex = []
                } else {
                    headerIndex = found
                }
                return
            }
            if index.isEmpty { return }  // a wrong header: reported once, the body is not read
            local.rows += 1
            let width = (index.max() ?? 0) + 1
            guard record.count >= width else {
                local.diagnostics.append(
                    .error(
                        file, .line(record.line),
                        "expected \(columns.count) fields, found \(record.count)",
                        hint: "a comma inside a name needs the name in double quotes"))
                return
            }
            // The few fields a filter looks at first, each turned into text only when needed,
            // so rows the filters leave out cost almost nothing.
            let zip = text(record, index[6])
            if !filter.zipPrefixes.isEmpty && !filter.zipPrefixes.contains(where: { zip.hasPrefix($0) }) {
                local.filteredOut += 1
                return
            }
            let city = text(record, index[4])
            if !filter.cities.isEmpty && !filter.cities.contains(MasterFileFilter.cityKey(city)) {
                local.filteredOut += 1
                return
            }
            let ntee = text(record, index[26])
            if !filter.nteeMatches(ntee) {
                local.filteredOut += 1
                return
            }
            let revenueText = text(record, index[25])
            let revenue = Double(revenueText).flatMap { $0.isFinite ? $0 : nil }
            if let min = filter.minRevenue, (revenue ?? -1) < min {
                local.filteredOut += 1
                return
            }
            var f = [String](repeating: "", count: columns.count)
            for c in [0, 1, 2, 5, 8, 10, 13, 14] { f[c] = text(record, index[c]) }
            local.records.append(
                MasterFileRecord(
                    line: record.line, ein: f[0], name: f[1], careOf: f[2], city: city,
                    state: f[5], zip: zip, subsection: f[8], classification: f[10],
                    foundation: f[13], activity: f[14], revenue: revenue, ntee: ntee))
            local.files.append(file)
        }
        header = headerIndex
        local.diagnostics += diagnostics
        scan = local
    }

    /// A field as trimmed text: UTF-8, or Windows-1252 when it is not (older extracts).
    static func text(_ record: borrowing CSVRecord, _ k: Int) -> String {
        if let s = record.string(k) { return s.trimmingWhitespace }
        return record.withBytes(k) { TextDecoding.windows1252($0) }.trimmingWhitespace
    }

    /// Reads a whole master file held in memory (tests and fuzzing).
    public static func scan(
        _ bytes: [UInt8], file: String, filter: MasterFileFilter = MasterFileFilter(),
        limits: InputLimits = .default, into scan: inout Scan
    ) {
        var header: [Int]?
        bytes.withUnsafeBufferPointer {
            scanBlock(
                $0, file: file, startLine: 1, header: &header, filter: filter, limits: limits, into: &scan)
        }
        if header == nil && !scan.diagnostics.hasErrors {
            scan.diagnostics.append(
                .error(file, .file, "the file is empty: a master file starts with its header row"))
        }
    }

    /// Reads the master file at `path` block by block (`blockBytes` at a time, cut after the
    /// last line end outside quotes), so memory stays flat whatever the file's size. `progress`
    /// is called after each block with the rows read so far.
    public static func scan(
        path: String, file: String, filter: MasterFileFilter, limits: InputLimits = .default,
        blockBytes: Int = 8 << 20, into scan: inout Scan, progress: ((Int) -> Void)? = nil
    ) {
        // Only a regular file: a FIFO or a device would hang the scan or never end.
        let handle: FileHandle
        switch Files.openRegular(path) {
        case .failure(let e):
            scan.diagnostics.append(.error(file, .file, e.message))
            return
        case .success(let opened): handle = FileHandle(fileDescriptor: opened.fd, closeOnDealloc: false)
        }
        defer { try? handle.close() }
        var header: [Int]?
        var carry: [UInt8] = []
        var line = 1
        var total = 0
        var atStart = true
        while true {
            let data: Data
            do { data = try handle.read(upToCount: max(1, blockBytes)) ?? Data() } catch {
                scan.diagnostics.append(.error(file, .file, Files.ReadError.unreadable("\(error)").message))
                return
            }
            total += data.count
            if total > limits.maxFileBytes {
                scan.diagnostics.append(
                    .error(file, .file, Files.ReadError.tooLarge(limit: limits.maxFileBytes).message))
                return
            }
            let last = data.isEmpty
            var block = carry
            block.append(contentsOf: data)
            if atStart, block.count >= 3, block[0] == 0xEF, block[1] == 0xBB, block[2] == 0xBF {
                block.removeFirst(3)
            }
            // Cut after the last LF outside quotes; the rest waits for the next block.
            var cut = block.count
            if !last {
                var quoted = false
                var lastBreak = -1
                for (i, c) in block.enumerated() {
                    if c == 0x22 { quoted.toggle() } else if c == 0x0A && !quoted { lastBreak = i }
                }
                cut = lastBreak + 1
            }
            if cut > 0 {
                let lines = block[0..<cut].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                block.withUnsafeBufferPointer {
                    scanBlock(
                        UnsafeBufferPointer(rebasing: $0[0..<cut]), file: file, startLine: line,
                        header: &header,
                        filter: filter, limits: limits, into: &scan)
                }
                line += lines
                atStart = false
                progress?(scan.rows)
            }
            carry = Array(block[cut...])
            if last { break }
        }
        if header == nil && !scan.diagnostics.hasErrors {
            scan.diagnostics.append(
                .error(file, .file, "the file is empty: a master file starts with its header row"))
        }
    }
}

/// Which master-file rows to import. Every filter given must match; within one filter, any
/// value may (`--zip 054 --zip 056`: either prefix).
public struct MasterFileFilter: Sendable, Hashable {
    /// City keys (see `cityKey`): upper case, common abbreviations spelled out.
    public var cities: Set<String> = []
    public var zipPrefixes: [String] = []
    /// NTEE prefixes: a major-group letter (`P`) or a code (`B70`), upper case.
    public var nteePrefixes: [String] = []
    /// Rows whose revenue is below this, negative or missing are left out.
    public var minRevenue: Double?

    public init(
        cities: [String] = [], zipPrefixes: [String] = [], nteePrefixes: [String] = [],
        minRevenue: Double? = nil
    ) {
        self.cities = Set(cities.map(Self.cityKey))
        self.zipPrefixes = zipPrefixes.map(\.trimmingWhitespace)
        self.nteePrefixes = nteePrefixes.map { $0.trimmingWhitespace.uppercased() }
        self.minRevenue = minRevenue
    }

    /// `--ntee B70,P,J20` as prefixes; nil and the bad piece when one is not a letter or a
    /// letter followed by digits and letters.
    public static func parseNTEE(_ list: String) -> (prefixes: [String]?, bad: String?) {
        var out: [String] = []
        for piece in list.split(separator: ",") {
            let p = piece.trimmingWhitespace.uppercased()
            if p.isEmpty { continue }
            guard NTEECrosswalk.clean(p) == p else { return (nil, p) }
            out.append(p)
        }
        return out.isEmpty ? (nil, list) : (out, nil)
    }

    /// Whether a row's NTEE code passes (a blank code passes only when no NTEE filter is set).
    func nteeMatches(_ code: String) -> Bool {
        if nteePrefixes.isEmpty { return true }
        let c = code.uppercased()
        return nteePrefixes.contains { c.hasPrefix($0) }
    }

    /// `S Burlington`, `SO BURLINGTON` and `South Burlington` are one city: upper case, one
    /// space, and the abbreviations the IRS file uses spelled out.
    public static func cityKey(_ raw: String) -> String {
        let spelled: [String: String] = [
            "S": "SOUTH", "SO": "SOUTH", "N": "NORTH", "NO": "NORTH", "E": "EAST", "W": "WEST", "ST": "SAINT",
            "STE": "SAINTE", "FT": "FORT", "MT": "MOUNT", "JCT": "JUNCTION", "CTR": "CENTER", "FLS": "FALLS",
            "VLG": "VILLAGE", "SPGS": "SPRINGS", "HTS": "HEIGHTS",
        ]
        return raw.uppercased().split(whereSeparator: { $0 == " " || $0 == "." || $0 == "\t" }).map {
            spelled[String($0)] ?? String($0)
        }.joined(separator: " ")
    }
}
