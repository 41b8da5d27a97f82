using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace GuanGong.Domain;

/// <summary>
/// The one set of JSON options for every persisted domain shape (templates, campaign settings, score sheets,
/// case states, holiday notices): camelCase names, enums as camelCase strings, Chinese kept readable.
/// The app should use these options when it stores these records, so stored JSON and embedded templates agree.
/// </summary>
public static class DomainJson
{
    /// <summary>The shared, read-only serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serializes <paramref name="value"/> with <see cref="Options"/>.</summary>
    /// <typeparam name="T">The declared type.</typeparam>
    /// <param name="value">The value.</param>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Deserializes <paramref name="json"/> with <see cref="Options"/>; throws <see cref="JsonException"/> on malformed input.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="json">The JSON text.</param>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("The JSON document is null.");

    /// <summary>
    /// Deserializes untrusted JSON (a form post, an admin upload) as an expected-failure result: malformed JSON, a missing
    /// required property or a wrong type becomes one <see cref="ValidationError"/> with the JSON path and line.
    /// </summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <param name="code">The error code to use, e.g. <c>template.json_invalid</c>.</param>
    public static Result<T> Parse<T>(string json, string code)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return Result<T>.Success(Deserialize<T>(json));
        }
        catch (JsonException ex)
        {
            return Result<T>.Failure(new ValidationError(
                ex.Path ?? "$",
                code,
                // The parser's own words are English and technical: the Chinese message says where, in words a person reads.
                ex.LineNumber is { } at ? $"文件格式错误：第 {at + 1} 行附近的内容不符合要求的格式，请对照示例修改。" : "文件格式错误：内容不符合要求的格式，请对照示例修改。",
                "The JSON is invalid: " + ex.Message,
                ex.LineNumber is { } line ? (int)line + 1 : null));
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = false,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
