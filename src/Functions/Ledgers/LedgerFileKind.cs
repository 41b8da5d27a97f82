namespace GuanGong.Functions.Ledgers;

/// <summary>A file type a ledger may be: what the bytes are, whatever the name says.</summary>
public sealed record LedgerFileKind(string Name, string ContentType, string Extension, bool ShowInline)
{
    /// <summary>Every kind's content type, comma-separated (for the API document; a test holds it to <see cref="All"/>).</summary>
    public const string ContentTypes = "application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/x-ole-storage";

    public static readonly LedgerFileKind Pdf = new("PDF", "application/pdf", ".pdf", true);
    public static readonly LedgerFileKind Jpeg = new("JPEG 图片", "image/jpeg", ".jpg", true);
    public static readonly LedgerFileKind Png = new("PNG 图片", "image/png", ".png", true);
    public static readonly LedgerFileKind Docx = new("Word 文档", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", false);
    public static readonly LedgerFileKind Xlsx = new("Excel 表格", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", false);
    public static readonly LedgerFileKind LegacyOffice = new("Word/Excel 97-2003 文档", "application/x-ole-storage", ".doc", false);

    /// <summary>Every kind a ledger may be.</summary>
    public static IReadOnlyList<LedgerFileKind> All { get; } = [Pdf, Jpeg, Png, Docx, Xlsx, LegacyOffice];
}
