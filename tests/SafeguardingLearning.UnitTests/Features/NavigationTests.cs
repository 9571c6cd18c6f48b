using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.UnitTests.Features;

public class NavigationTests
{
    [Fact]
    public void Every_navigation_entry_points_at_a_controller_action_with_the_same_policy()
    {
        var controllers = typeof(NavigationItem).Assembly.GetTypes()
            .Where(t => typeof(Controller).IsAssignableFrom(t) && !t.IsAbstract)
            .ToDictionary(t => t.Name[..^"Controller".Length]);

        foreach (var item in NavigationItem.All)
        {
            Assert.True(controllers.TryGetValue(item.Controller, out var controller), $"{item.Text}: no {item.Controller}Controller");
            var action = controller.GetMethods(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(m => m.Name == item.Action && m.GetCustomAttribute<HttpGetAttribute>() is not null);
            Assert.NotNull(action);

            // The entry is shown to exactly the people the action admits: its own policy, or else the controller's.
            var policy = action.GetCustomAttribute<AuthorizeAttribute>()?.Policy ?? controller.GetCustomAttribute<AuthorizeAttribute>()?.Policy;
            Assert.Equal(item.Policy, policy);
        }
    }

    [Fact]
    public void Navigation_policies_exist()
    {
        var options = new AuthorizationOptions();
        AccessPolicies.Configure(options);

        Assert.NotNull(options.FallbackPolicy);
        Assert.All(
            NavigationItem.All.Where(i => i.Policy is not null),
            item => Assert.NotNull(options.GetPolicy(item.Policy!)));
    }

    [Fact]
    public async Task Each_role_sees_exactly_the_entries_its_policies_admit()
    {
        var services = new ServiceCollection().AddLogging().AddAuthorization(AccessPolicies.Configure).BuildServiceProvider();
        var authorization = services.GetRequiredService<IAuthorizationService>();

        foreach (var role in Enum.GetValues<Role>())
        {
            var person = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role.ToString())], "test", ClaimTypes.Name, ClaimTypes.Role));
            var admitted = new List<NavigationItem>();
            foreach (var item in NavigationItem.All)
            {
                if (item.Policy is null || (await authorization.AuthorizeAsync(person, item.Policy)).Succeeded)
                {
                    admitted.Add(item);
                }
            }

            Assert.Equal(admitted, NavigationItem.For(role));
        }

        Assert.Equal(NavigationItem.All.Where(i => i.Policy is null), NavigationItem.For(null));
    }

    [Theory]
    [InlineData("Jobs", "Index", "Scheduled jobs")]
    [InlineData("Reviews", "Details", "Review register")]
    [InlineData("Home", "Index", "Home")]
    public void One_entry_is_current_on_a_page_the_entry_for_its_controllers_list(string controller, string action, string current)
    {
        var model = new PrimaryNavigationModel(NavigationItem.All, controller, action);

        Assert.Equal([current], NavigationItem.All.Where(model.IsCurrent).Select(i => i.Text));
    }
}
