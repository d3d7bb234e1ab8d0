using System.Collections.Generic;
using System.Management.Automation;

namespace BackpropPS.Internal
{
    /// <summary>Resolves -Path / -LiteralPath through PowerShell's providers to file-system paths.</summary>
    internal static class FileSystemPaths
    {
        /// <summary>A path that need not exist yet (an export target).</summary>
        public static string ForWriting(PSCmdlet cmdlet, string path)
        {
            string resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out ProviderInfo provider, out _);
            EnsureFileSystem(cmdlet, provider, path);
            return resolved;
        }

        /// <summary>Existing files: -Path expands wildcards, -LiteralPath is taken as typed.</summary>
        public static IEnumerable<string> ForReading(PSCmdlet cmdlet, string path, bool literal)
        {
            if (literal)
            {
                string resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out ProviderInfo provider, out _);
                EnsureFileSystem(cmdlet, provider, path);
                return new[] { resolved };
            }
            var paths = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out ProviderInfo wildcardProvider);
            EnsureFileSystem(cmdlet, wildcardProvider, path);
            return paths;
        }

        private static void EnsureFileSystem(PSCmdlet cmdlet, ProviderInfo provider, string path)
        {
            if (provider.Name != "FileSystem")
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create("NotAFileSystemPath", ErrorCategory.InvalidArgument,
                    $"Expected a file-system path; '{path}' is on the {provider.Name} provider.", path));
            }
        }
    }
}
