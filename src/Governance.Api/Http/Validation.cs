using FluentValidation;

namespace Governance.Api.Http;

public static class ValidationExtensions
{
    /// <summary>Validates the body of type <typeparamref name="T"/> with its FluentValidation validator: 400 with messages per field.</summary>
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder) where T : class =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var body = context.Arguments.OfType<T>().FirstOrDefault();
            if (body is null)
                return TypedResults.Problem(ApiProblems.Problem(StatusCodes.Status400BadRequest, "The request is not valid.",
                    "Send a JSON body.", "body-required"));
            var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<T>>();
            var result = await validator.ValidateAsync(body, context.HttpContext.RequestAborted);
            if (result.IsValid) return await next(context);
            var problem = TypedResults.ValidationProblem(
                result.Errors.GroupBy(e => char.ToLowerInvariant(e.PropertyName[0]) + e.PropertyName[1..])
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()),
                title: "The request is not valid.",
                extensions: new Dictionary<string, object?> { ["code"] = "validation" });
            return problem;
        }).ProducesValidationProblem();
}
