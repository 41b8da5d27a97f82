using Azure;

namespace GuanGong.Storage.Tables;

/// <summary>
/// An entity group transaction was refused and rolled back as a whole. <see cref="RequestFailedException.Status"/>
/// and <see cref="RequestFailedException.ErrorCode"/> are those of the failing operation, whose
/// position is <see cref="FailedTransactionActionIndex"/>. Mirrors <c>Azure.Data.Tables.TableTransactionFailedException</c>.
/// </summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    /// <summary>Wraps a failure of the whole transaction.</summary>
    public TableTransactionFailedException(RequestFailedException requestFailedException)
        : this(requestFailedException?.Status ?? 0, requestFailedException?.Message ?? string.Empty, requestFailedException?.ErrorCode, null, null, requestFailedException)
    {
    }

    internal TableTransactionFailedException(int status, string message, string? errorCode, int? failedIndex, TableTransactionAction? failedAction, Exception? innerException)
        : base(status, message, errorCode, innerException)
    {
        FailedTransactionActionIndex = failedIndex;
        FailedTransactionAction = failedAction;
    }

    /// <summary>The zero-based index of the operation the service refused, when it said.</summary>
    public int? FailedTransactionActionIndex { get; }

    /// <summary>The operation the service refused, when it said which.</summary>
    public TableTransactionAction? FailedTransactionAction { get; }
}
