using System.Text;

namespace GuanGong.Domain.Organisations;

/// <summary>
/// A small RFC 4180 reader: comma separated, fields optionally in double quotes, <c>""</c> for a quote inside
/// quotes, CRLF or LF line ends, newlines allowed inside quotes. A leading byte-order mark is ignored.
/// </summary>
internal static class CsvReader
{
    public static (IReadOnlyList<CsvRecord> Records, IReadOnlyList<ValidationError> Errors) Read(string text)
    {
        var records = new List<CsvRecord>();
        var errors = new List<ValidationError>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var fieldWasQuoted = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;

        void EndField()
        {
            fields.Add(fieldWasQuoted ? field.ToString() : field.ToString().Trim());
            field.Clear();
            fieldWasQuoted = false;
        }

        void EndRecord()
        {
            EndField();
            // Spreadsheets often export trailing empty rows as ",,,,": those are not records.
            if (fields.Any(f => f.Length > 0))
            {
                records.Add(new CsvRecord(recordLine, [.. fields]));
            }

            fields.Clear();
        }

        for (; i < text.Length; i++)
        {
            var ch = text[i];
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    // A CRLF inside quotes is one line break, kept as '\n'.
                    continue;
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.ToString().Trim().Length == 0:
                    field.Clear();
                    inQuotes = true;
                    fieldWasQuoted = true;
                    break;
                case ',':
                    EndField();
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (inQuotes)
        {
            errors.Add(new(
                "file",
                "csv.unterminated_quote",
                "引号没有闭合。",
                "A quoted field is not closed.",
                recordLine));
        }
        else
        {
            EndRecord();
        }

        return (records, errors);
    }
}
