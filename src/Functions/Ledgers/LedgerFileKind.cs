namespace GuanGong.Functions.Ledgers;

/// <summary>A file type a ledger may be: what the bytes are, whatever the name says.</summary>
public sealed record LedgerFileKind(string Name, string ContentType, string Extension, bool ShowInline)
{
    public static readonly LedgerFileKind Pdf = new("PDF", "application/pdf", ".pdf", true);
    public static readonly LedgerFileKind Jpeg = new("JPEG 图片", "image/jpeg", ".jpg", true);
    public static readonly LedgerFileKind Png = new("PNG 图片", "image/png", ".png", true);
    public static readonly LedgerFileKind Docx = new("Word 文档", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", false);
    public static readonly LedgerFileKind Xlsx = new("Excel 表格", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", false);
    public static readonly LedgerFileKind LegacyOffice = new("Word/Excel 97-2003 文档", "application/x-ole-storage", ".doc", false);

    /// <summary>Every kind a ledger may be.</summary>
    public static IReadOnlyList<LedgerFileKind> All { get; } = [Pdf, Jpeg, Png, Docx, Xlsx, LegacyOffice];
}
