# How the project's PowerShell (build.ps1, tools/, tests/, docs/examples/) is checked, after Pester's own settings:
# Invoke-ScriptAnalyzer -Path . -Recurse -Settings ./PSScriptAnalyzerSettings.psd1
# PSScriptAnalyzer comes from the PowerShell Gallery (Install-PSResource PSScriptAnalyzer); it is not on NuGet, so the
# build does not run it: a developer who has it runs it before sending a change.
@{
    Severity            = @('Error', 'Warning')
    IncludeDefaultRules = $true
    ExcludeRules        = @(
        # Tests and examples print on purpose (the README tour, the seed walk-through).
        'PSAvoidUsingWriteHost'
        # Pester's BeforeAll shares $script: variables with It blocks, which the rule cannot see.
        'PSUseDeclaredVarsMoreThanAssignments'
        # Test helpers are functions of a test module, not cmdlets that change the system.
        'PSUseShouldProcessForStateChangingFunctions'
    )
    Rules               = @{
        # The layout .editorconfig states: four spaces, braces on the line that opens them.
        PSPlaceOpenBrace           = @{ Enable = $true; OnSameLine = $true; NewLineAfter = $true; IgnoreOneLineBlock = $true }
        PSPlaceCloseBrace          = @{ Enable = $true; NewLineAfter = $false; IgnoreOneLineBlock = $true; NoEmptyLineBefore = $false }
        PSUseConsistentIndentation = @{ Enable = $true; IndentationSize = 4; Kind = 'space'; PipelineIndentation = 'IncreaseIndentationForFirstPipeline' }
        PSUseConsistentWhitespace  = @{ Enable = $true; CheckOpenBrace = $true; CheckOpenParen = $true; CheckOperator = $false; CheckSeparator = $true }
        PSAvoidUsingCmdletAliases  = @{ Enable = $true }
    }
}
