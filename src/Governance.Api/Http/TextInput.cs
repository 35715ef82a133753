using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Governance.Domain;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Http;

/// <summary>
/// Free text at the edge (issue 12 §1): text that reaches the ledger or the database holds no control characters
/// (tab, newline and carriage return excepted) and no lone surrogates, and no string is longer than
/// <see cref="MaxLength"/>. PostgreSQL refuses NUL in text and jsonb (22P05, 22021), and a refusal inside an append
/// took other people's writes down with it, so such text is refused before anything is read or written:
/// JSON bodies by <see cref="CheckedStringConverter"/>, query strings, route values and the Idempotency-Key header by
/// <see cref="InputChecks.UseInputChecks"/>, every command once more in <see cref="Commands.CommandBus"/> (<see cref="EnsureClean"/>),
/// and page forms by the validators (<see cref="Clean{T}"/>) with a Dutch message next to the field.
/// </summary>
public static class TextInput
{
    /// <summary>The longest string any request may carry (a proposal's text); most fields allow less (their validators, and OpenAPI's maxLength).</summary>
    public const int MaxLength = 20_000;

    /// <summary>The longest query-string or route value: ids, slugs, dates and filters are short.</summary>
    public const int MaxParameterLength = 200;

    public const string Code = "invalid-text";

    public const string Message = "Contains a control character (only tab, newline and carriage return are allowed) or a lone surrogate.";

    /// <summary>Next to a field on a page (B1).</summary>
    public const string DutchMessage = "Hier staat een teken in dat niet kan, zoals een onzichtbaar stuurteken. Typ de tekst opnieuw, zonder dat teken.";

    /// <summary>At the top of a form, when the field is not known.</summary>
    public const string DutchFormMessage = "In het formulier staat een teken dat niet kan, zoals een onzichtbaar stuurteken. Typ de tekst opnieuw, zonder dat teken.";

    /// <summary>True when <paramref name="text"/> has no control character other than tab, newline or carriage return, and no lone surrogate.</summary>
    public static bool IsClean(string? text)
    {
        if (text is null) return true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
                else return false;
            }
            else if (char.IsLowSurrogate(c)) return false;
            else if (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) return false;
        }
        return true;
    }

    /// <summary>The FluentValidation rule: refused with error code <see cref="Code"/> (pages show <see cref="DutchMessage"/>).</summary>
    public static IRuleBuilderOptions<T, string?> Clean<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsClean).WithMessage(Message).WithErrorCode(Code);

    /// <summary>400 <see cref="Code"/>, naming the field (a JSON path such as <c>subject.reason</c>, a query parameter, a header).</summary>
    public static ProblemDetails Problem(string field, string? message = null)
    {
        var problem = ApiProblems.Problem(StatusCodes.Status400BadRequest, "The request is not valid.", $"'{field}': {message ?? Message}", Code);
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message ?? Message] };
        return problem;
    }

    /// <summary>
    /// The query string, the route values and the Idempotency-Key header of a request (<see cref="InputChecks.UseInputChecks"/>
    /// runs it before any endpoint or page reads them): a problem naming the first field that is not clean text, or too long.
    /// </summary>
    internal static ProblemDetails? Refusal(HttpContext context)
    {
        foreach (var (key, values) in context.Request.Query)
        {
            if (!IsClean(key)) return Problem("query");
            foreach (var value in values)
            {
                if (!IsClean(value)) return Problem(key);
                if (value?.Length > MaxParameterLength) return TooLong(key, MaxParameterLength);
            }
        }
        foreach (var (key, value) in context.Request.RouteValues)
        {
            if (value is not string text) continue;
            if (!IsClean(text)) return Problem(key);
            if (text.Length > MaxParameterLength) return TooLong(key, MaxParameterLength);
        }
        foreach (var value in context.Request.Headers[Commands.IdempotencyKeys.Header])
            if (!IsClean(value)) return Problem(Commands.IdempotencyKeys.Header);
        return null;
    }

    public static ProblemDetails TooLong(string field, int max)
    {
        var message = $"Use at most {max} characters.";
        var problem = ApiProblems.Problem(StatusCodes.Status400BadRequest, "The request is not valid.", $"'{field}': {message}", "validation");
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message] };
        return problem;
    }

    /// <summary>
    /// The last check before the ledger: every string in <paramref name="command"/> (its properties, lists and nested
    /// records). Throws <see cref="InvalidTextException"/> naming the first unclean property (camelCase path).
    /// </summary>
    public static void EnsureClean(object command)
    {
        if (FirstUnclean(command, "", 0) is { } path) throw new InvalidTextException(path.Length == 0 ? "body" : path);
    }

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    private static string? FirstUnclean(object? value, string path, int depth)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return IsClean(text) ? null : path;
            case IIdentifier:
                return null;   // parsed: a slug or an id is clean by construction
            case IEnumerable items:
                var i = 0;
                foreach (var item in items)
                    if (FirstUnclean(item, $"{path}[{i++}]", depth + 1) is { } found) return found;
                return null;
        }
        var type = value.GetType();
        if (depth > 6 || type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("NodaTime", StringComparison.Ordinal) == true
            || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && !type.IsGenericType)
            return null;
        foreach (var property in Properties.GetOrAdd(type, static t =>
                     [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.CanRead)]))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (FirstUnclean(property.GetValue(value), path.Length == 0 ? name : $"{path}.{name}", depth + 1) is { } found) return found;
        }
        return null;
    }
}

/// <summary>A command carries text that may not be stored (<see cref="TextInput"/>): 400 <c>invalid-text</c> naming <see cref="Field"/>.</summary>
public sealed class InvalidTextException(string field) : Exception($"'{field}' contains a control character or a lone surrogate.")
{
    public string Field { get; } = field;
}

/// <summary>A JSON string that may not be stored, or is too long; the serializer adds the path (ApiProblems names it as the field).</summary>
public sealed class InvalidJsonTextException(string code, string message) : JsonException(message)
{
    public string Code { get; } = code;

    public string Reason { get; } = message;

    /// <summary>The field as the client wrote it: <c>$.subject.reason</c> → <c>subject.reason</c>.</summary>
    public string Field => Path is null or "$" ? "body" : Path.StartsWith("$.", StringComparison.Ordinal) ? Path[2..] : Path.TrimStart('$');
}

/// <summary>
/// Every string of every JSON body the API reads (issue 12 §1): clean text (<see cref="TextInput.IsClean"/>) of at most
/// <see cref="TextInput.MaxLength"/> characters; otherwise the body is refused (400) naming the field. Invalid UTF-8 or
/// UTF-16 escapes (a lone <c>\ud800</c>) are refused the same way. Writing is unchanged.
/// </summary>
public sealed class CheckedStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.String) throw new JsonException();
        return Checked(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        writer.WritePropertyName(options.DictionaryKeyPolicy?.ConvertName(value) ?? value);
    }

    private static string Checked(ref Utf8JsonReader reader)
    {
        string value;
        try
        {
            value = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8, or an escape that leaves a lone surrogate ("\ud800").
            throw new InvalidJsonTextException(TextInput.Code, TextInput.Message);
        }
        if (!TextInput.IsClean(value)) throw new InvalidJsonTextException(TextInput.Code, TextInput.Message);
        if (value.Length > TextInput.MaxLength) throw new InvalidJsonTextException("validation", $"Use at most {TextInput.MaxLength} characters.");
        return value;
    }

    public override bool HandleNull => false;
}
