using System.ComponentModel;
using System.Globalization;

namespace GuanGong.LocalHost.Invocation;

/// <summary>Converts route and query strings to a parameter's type, as the worker's converters do for simple types.</summary>
internal static class BindingValues
{
    public static bool TryConvert(object? raw, Type target, out object? value)
    {
        value = null;
        if (raw is null)
        {
            return !target.IsValueType || Nullable.GetUnderlyingType(target) is not null;
        }

        if (target.IsInstanceOfType(raw))
        {
            value = raw;
            return true;
        }

        var text = Convert.ToString(raw, CultureInfo.InvariantCulture);
        var type = Nullable.GetUnderlyingType(target) ?? target;
        try
        {
            if (type.IsEnum)
            {
                value = Enum.Parse(type, text ?? "", ignoreCase: true);
                return true;
            }

            var converter = TypeDescriptor.GetConverter(type);
            if (text is not null && converter.CanConvertFrom(typeof(string)))
            {
                value = converter.ConvertFromInvariantString(text);
                return true;
            }
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            return false;
        }

        return false;
    }
}
