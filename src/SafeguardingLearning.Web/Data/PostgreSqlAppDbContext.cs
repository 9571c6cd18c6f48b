using Microsoft.EntityFrameworkCore;

namespace SafeguardingLearning.Web.Data;

/// <summary>The server database, for several instances. Migrations in Data/Migrations/PostgreSql.</summary>
public sealed class PostgreSqlAppDbContext(DbContextOptions<PostgreSqlAppDbContext> options) : AppDbContext(options);
