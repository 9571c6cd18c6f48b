using FluentValidation;

namespace SafeguardingLearning.Web.Features.Shared;

internal static class ValidatorRegistration
{
    /// <summary>
    /// Registers every validator in the app (FluentValidation.DependencyInjectionExtensions is not in
    /// the registry here); controllers call them explicitly.
    /// </summary>
    public static IServiceCollection AddValidatorsFromFeatures(this IServiceCollection services)
    {
        var validators =
            from type in typeof(ValidatorRegistration).Assembly.GetTypes()
            where type is { IsAbstract: false, IsGenericTypeDefinition: false }
            from service in type.GetInterfaces()
            where service.IsGenericType && service.GetGenericTypeDefinition() == typeof(IValidator<>)
            select (service, type);
        foreach (var (service, type) in validators)
        {
            services.AddSingleton(service, type);
        }

        return services;
    }
}
