using System.IO;

namespace BackpropPS.Internal
{
    /// <summary>Resolves -Path / -LiteralPath through PowerShell's providers to file-system paths.</summary>
    internal static class FileSystemPaths
    {
        /// <summary>A path that need not exist yet (an export target); a bad path is a BackpropException.</summary>
        public static string ForWriting(PSCmdlet cmdlet, string path)
        {
            string resolved = Unresolved(cmdlet, path);
            string name = Path.GetFileName(resolved);
            int bad = name.IndexOfAny(Path.GetInvalidFileNameChars());
            if (bad >= 0) throw InvalidCharacter(path, name[bad]);
            return resolved;
        }

        /// <summary>A path to read taken as typed (-LiteralPath); whether a file is there is the caller's check.</summary>
        public static string Literal(PSCmdlet cmdlet, string path) => Unresolved(cmdlet, path);

        /// <summary>
        /// The files -Path names, wildcards expanded (one that matches nothing gives none, as with Get-Item); a path
        /// without wildcards where nothing is, is <paramref name="notFound"/>'s error, so that the caller reports it
        /// and goes on with its other paths.
        /// </summary>
        public static IEnumerable<string> Matching(PSCmdlet cmdlet, string path, Func<string, Exception, BackpropException> notFound)
        {
            EnsureValidCharacters(path);
            try
            {
                var paths = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out ProviderInfo provider);
                EnsureFileSystem(provider, path);
                return paths;
            }
            catch (ItemNotFoundException e)
            {
                throw Unreachable(Unresolved(cmdlet, path)) ?? notFound(path, e);
            }
            catch (Exception e) when (e is System.Management.Automation.DriveNotFoundException || e is ProviderNotFoundException)
            {
                throw NoSuchDrive(path, e);
            }
        }

        /// <summary>
        /// The AccessDenied error when <paramref name="path"/> cannot be looked at because the user may not enter a
        /// folder on its way (it may well be there); null when it is simply not there.
        /// </summary>
        public static BackpropException Unreachable(string path)
        {
            try
            {
                File.GetAttributes(path);
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return new BackpropException("AccessDenied", BackpropErrorKind.PermissionDenied,
                    $"You may not look into a folder on the way to '{path}': it may be there, but its permissions do not let you in.");
            }
            catch (Exception e) when (e is IOException || e is ArgumentException || e is NotSupportedException)
            {
                return null;
            }
        }

        private static string Unresolved(PSCmdlet cmdlet, string path)
        {
            EnsureValidCharacters(path);
            try
            {
                string resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out ProviderInfo provider, out _);
                EnsureFileSystem(provider, path);
                return resolved;
            }
            catch (Exception e) when (e is System.Management.Automation.DriveNotFoundException || e is ProviderNotFoundException)
            {
                throw NoSuchDrive(path, e);
            }
        }

        private static BackpropException NoSuchDrive(string path, Exception e) =>
            new BackpropException("DriveNotFound", BackpropErrorKind.NotFound, $"Expected a file path; '{path}': {e.Message}", e);

        // Checked before .NET sees the path, whose own message ("Null character in path") names no path.
        private static void EnsureValidCharacters(string path)
        {
            int bad = path.IndexOfAny(Path.GetInvalidPathChars());
            if (bad >= 0) throw InvalidCharacter(path, path[bad]);
        }

        private static BackpropException InvalidCharacter(string path, char c) =>
            BackpropException.Argument("InvalidPath",
                $"Expected a file path; '{Wording.Visible(path)}' holds the character '{Wording.Visible(c.ToString())}', which a file path cannot hold.");

        private static void EnsureFileSystem(ProviderInfo provider, string path)
        {
            if (provider.Name != "FileSystem")
            {
                throw BackpropException.Argument("NotAFileSystemPath",
                    $"Expected a file-system path; '{path}' is on the {provider.Name} provider.");
            }
        }
    }
}
