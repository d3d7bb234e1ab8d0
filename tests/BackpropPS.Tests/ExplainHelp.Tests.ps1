# The help pages of the explain cmdlets: every example runs in a fresh session and prints what the page says.
BeforeDiscovery {
    $docs = Join-Path $PSScriptRoot '../../docs/en-US'
    Import-Module (Join-Path $PSScriptRoot 'HelpExamples.psm1') -Force
    $script:examples = foreach ($page in 'Invoke-BackpropStep', 'Test-BackpropGradient', 'Export-BackpropDiagram', 'Export-BackpropLossChart') {
        foreach ($example in Get-HelpExample (Join-Path $docs "$page.md")) {
            @{ Page = $page; Title = $example.Title; Example = $example }
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'HelpExamples.psm1') -Force
}

Describe 'Help page <_>' -ForEach 'Invoke-BackpropStep', 'Test-BackpropGradient', 'Export-BackpropDiagram', 'Export-BackpropLossChart' {
    It 'has at least two examples and the platyPS sections' {
        $path = Join-Path $PSScriptRoot "../../docs/en-US/$_.md"
        @(Get-HelpExample $path).Count | Should -BeGreaterOrEqual 2
        $text = Get-Content -Raw -LiteralPath $path
        foreach ($section in 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS') {
            $text | Should -Match "(?m)^## $section\r?$" -Because "$_ needs a $section section"
        }
        $text | Should -Match '(?m)^external help file: BackpropPS.dll-Help.xml\r?$'
    }

    It 'documents exactly the cmdlet''s parameters' {
        $command = Get-Command $_ -Module BackpropPS
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        $expected = $command.Parameters.Keys | Where-Object { $_ -notin $common -or $_ -in 'WhatIf', 'Confirm' } | Sort-Object
        $text = Get-Content -Raw -LiteralPath (Join-Path $PSScriptRoot "../../docs/en-US/$_.md")
        $documented = [regex]::Matches($text, '(?m)^### -(\w+)') | ForEach-Object { $_.Groups[1].Value } | Sort-Object
        $documented | Should -Be $expected
    }
}

Describe 'Example <Page>: <Title>' -ForEach $examples {
    It 'runs without errors and prints what the page shows' {
        $result = Invoke-HelpExample $Example
        $result.Errors | Should -BeNullOrEmpty
        $result.Output | Should -Be $Example.Expected
    }
}
