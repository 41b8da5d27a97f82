using Azure;

namespace GuanGong.Storage;

/// <summary>A <see cref="NullableResponse{T}"/> for "if exists" reads.</summary>
internal sealed class StorageNullableResponse<T>(Response response, T? value, bool hasValue) : NullableResponse<T>
{
    public override bool HasValue => hasValue;

    public override T? Value => hasValue ? value : throw new InvalidOperationException("The resource does not exist: check HasValue first.");

    public override Response GetRawResponse() => response;
}
