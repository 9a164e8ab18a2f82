using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MppIntegrationHub.Adapters.Declarative.Versions.Migrations
{
    /// <inheritdoc />
    public partial class InitialDeclarativeAdapters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeclarativeAdapterVersions",
                columns: table => new
                {
                    AdapterId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ManifestJson = table.Column<string>(type: "text", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegisteredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeclarativeAdapterVersions", x => new { x.AdapterId, x.Sequence });
                });

            migrationBuilder.CreateTable(
                name: "DeclarativeAdapters",
                columns: table => new
                {
                    AdapterId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActiveSequence = table.Column<int>(type: "integer", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeclarativeAdapters", x => x.AdapterId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeclarativeAdapterVersions_AdapterId_Version",
                table: "DeclarativeAdapterVersions",
                columns: new[] { "AdapterId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeclarativeAdapterVersions");

            migrationBuilder.DropTable(
                name: "DeclarativeAdapters");
        }
    }
}
