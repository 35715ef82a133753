using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Governance.Api.Presentation;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Governance.Api.Http;

/// <summary>How every request's input is read, once for all endpoints (issue 12 §1 and §10).</summary>
public static class InputChecks
{
    public static IServiceCollection AddInputChecks(this IServiceCollection services)
    {
        // Every problem answer carries the documented code (docs/api.md), also those the framework writes by itself
        // (an empty 413 or 415, a 404 without an endpoint, a 405).
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails.Extensions.ContainsKey("code")) return;
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Extensions["code"] = context.ProblemDetails is HttpValidationProblemDetails ? "validation" : ApiProblems.CodeFor(status);
        });
        // A body or parameter the endpoint cannot read is thrown (not answered with an empty 400), so ApiProblems can say
        // which field and why, in every environment.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            Governance.Projections.DomainJson.Configure(o.SerializerOptions);
            o.SerializerOptions.Converters.Insert(0, new CheckedStringConverter());
        });
        return services;
    }

    /// <summary>The instants a query may ask about (issue 12 §3): from 1900 up to, not including, 3000 (UTC).</summary>
    public static readonly DateTimeOffset EarliestInstant = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset LatestInstant = new(3000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Before any endpoint or page reads the request: the query string, route values and Idempotency-Key header are
    /// clean text of a sane length (<see cref="TextInput"/>), and every date or instant query parameter of an API
    /// endpoint is in the supported range (<see cref="EarliestInstant"/> to <see cref="LatestInstant"/>): the API
    /// answers 400 problem+json naming the field; a page request gets the Dutch error page for 400.
    /// </summary>
    public static IApplicationBuilder UseInputChecks(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.IsApiPath() && await IsUnreadableFormAsync(context))
        {
            // A page form the framework cannot read (a NUL in a field): nothing is done; the Dutch error page for 400
            // says why (Fout: UnreadableForm). The re-executed request carries no body, so the error page can be shown.
            context.Items[UnreadableForm] = true;
            context.Request.Body = Stream.Null;
            context.Request.ContentType = null;
            context.Request.ContentLength = 0;
            context.Features.Set<Microsoft.AspNetCore.Http.Features.IFormFeature>(new Microsoft.AspNetCore.Http.Features.FormFeature(FormCollection.Empty));
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if ((UnknownCharset(context) ?? TextInput.Refusal(context) ?? OutOfRange(context)) is { } refusal)
        {
            context.Response.StatusCode = refusal.Status ?? StatusCodes.Status400BadRequest;
            if (context.IsApiPath())
            {
                var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = refusal });
            }
            return;
        }
        await next(context);
    });

    /// <summary>HttpContext.Items key: the request was a page form that could not be read.</summary>
    public const string UnreadableForm = "governance.unreadable-form";

    /// <summary>
    /// ASP.NET Core's form reader refuses a NUL in a url-encoded form (InvalidDataException), which the pages would
    /// answer with an error page that does not say why. Read such a form here, buffered, so the request is unchanged for
    /// the page (and the Idempotency-Key digest). Multipart forms are left to the page: their size limit is per page.
    /// </summary>
    private static async Task<bool> IsUnreadableFormAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || !string.Equals(context.Request.ContentType?.Split(';')[0].Trim(), "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            return false;
        context.Request.EnableBuffering();
        try
        {
            await context.Request.ReadFormAsync(context.RequestAborted);
            return false;
        }
        catch (InvalidDataException)
        {
            return true;
        }
        finally
        {
            if (context.Request.Body.CanSeek) context.Request.Body.Position = 0;
        }
    }

    /// <summary>
    /// A JSON body in a charset .NET does not know (<c>application/json; charset=nonsense</c>): the framework's JSON
    /// reader throws an InvalidOperationException for it, which was a 500. Say 415 and what to send instead.
    /// </summary>
    private static Microsoft.AspNetCore.Mvc.ProblemDetails? UnknownCharset(HttpContext context)
    {
        if (!context.IsApiPath() || context.Request.ContentType is not { } contentType
            || !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
            || !(media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
            || media.Charset is not { HasValue: true } charset)
            return null;
        try
        {
            _ = System.Text.Encoding.GetEncoding(charset.Value!);
            return null;
        }
        catch (ArgumentException)
        {
            return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type",
                $"The charset '{charset.Value}' is not known. Send JSON as UTF-8 (Content-Type: application/json).", "unsupported-media-type");
        }
    }

    private static readonly ConcurrentDictionary<MethodInfo, string[]> InstantParameters = new();

    /// <summary>A date or instant query parameter of the endpoint's handler outside the supported range, as the binder would read it.</summary>
    private static Microsoft.AspNetCore.Mvc.ProblemDetails? OutOfRange(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is not { } method || context.Request.Query.Count == 0) return null;
        var names = InstantParameters.GetOrAdd(method, static m =>
        [
            .. m.GetParameters()
                .Where(p => (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType) is var t && (t == typeof(DateTimeOffset) || t == typeof(DateTime)))
                .Select(p => p.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromQueryAttribute>()?.Name ?? p.Name!),
        ]);
        foreach (var name in names)
        {
            foreach (var value in context.Request.Query[name])
            {
                if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var at)) continue;   // the binder answers 400
                if (at >= EarliestInstant && at < LatestInstant) continue;
                var message = $"Use an instant from {EarliestInstant:yyyy-MM-dd} up to (not including) {LatestInstant:yyyy-MM-dd}.";
                var problem = ApiProblems.Problem(StatusCodes.Status400BadRequest, "The request is not valid.", $"'{name}': {message}", "validation");
                problem.Extensions["errors"] = new Dictionary<string, string[]> { [name] = [message] };
                return problem;
            }
        }
        return null;
    }

    /// <summary>
    /// The length limits in the OpenAPI document: a body's string property gets its validator's maximum length, or
    /// <see cref="TextInput.MaxLength"/>; a string query or route parameter <see cref="TextInput.MaxParameterLength"/>.
    /// </summary>
    public static OpenApiOptions AddInputLimits(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddSchemaTransformer((schema, context, _) =>
        {
            // CheckedStringConverter is a custom converter, for which the schema exporter knows no type: say it is a string.
            if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null)
                schema.Type = context.JsonPropertyInfo is { } owner && !IsNullable(owner) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            if (context.JsonPropertyInfo is { } property && context.JsonTypeInfo.Type == typeof(string) && schema.MaxLength is null)
                schema.MaxLength = LimitOf(property, context.ApplicationServices) ?? TextInput.MaxLength;
            else if (context.JsonPropertyInfo is { } list && typeof(IEnumerable<string>).IsAssignableFrom(list.PropertyType)
                     && schema.Items is OpenApiSchema { MaxLength: null } item)
            {
                item.Type ??= JsonSchemaType.String;
                item.MaxLength = LimitOf(list, context.ApplicationServices) ?? TextInput.MaxLength;
            }
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters ?? [])
                if (parameter is OpenApiParameter { In: ParameterLocation.Query or ParameterLocation.Path, Schema: OpenApiSchema schema } && IsString(schema))
                    schema.MaxLength ??= TextInput.MaxParameterLength;
            return Task.CompletedTask;
        });
        return options;
    }

    private static bool IsString(OpenApiSchema schema) => schema.Type is { } type && type.HasFlag(JsonSchemaType.String) && schema.Format is null;

    private static bool IsNullable(JsonPropertyInfo property) => property.AttributeProvider switch
    {
        PropertyInfo p => new NullabilityInfoContext().Create(p).ReadState != NullabilityState.NotNull,
        FieldInfo f => new NullabilityInfoContext().Create(f).ReadState != NullabilityState.NotNull,
        _ => true,
    };

    /// <summary>The maximum length the request type's FluentValidation validator sets for the property, if any.</summary>
    private static int? LimitOf(JsonPropertyInfo property, IServiceProvider services)
    {
        if (property.DeclaringType is not { } declaring || property.AttributeProvider is not MemberInfo member) return null;
        using var scope = services.CreateScope();
        if (scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(declaring)) is not IValidator validator) return null;
        return validator.CreateDescriptor().GetRulesForMember(member.Name)
            .SelectMany(r => r.Components).Select(c => c.Validator).OfType<ILengthValidator>()
            .Where(l => l.Max > 0).Select(l => (int?)l.Max).Min();
    }
}
