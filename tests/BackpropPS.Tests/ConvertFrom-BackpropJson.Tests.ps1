# ConvertFrom-BackpropJson: network text back to live networks, one document at a time or from a file's lines, and text that is not a network.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    # The objects Travel.Tests.ps1 sends through jobs, files and sessions, made here the same way.
    $net = New-BackpropNetwork -Example StepByStep
    $model = New-BackpropNetwork -LayerSize 4, 5, 3 -Activation Tanh, Softmax -Seed 3
    $script:iris = Get-BackpropDataset Iris
    $script:local = [pscustomobject]@{
        Network = $net
        Step    = $net | Invoke-BackpropStep -Input 0.05, 0.10 -Target 0.01, 0.99 -LearningRate 0.5
        Run     = @($iris | Invoke-BackpropTraining -Network $model -TargetColumn species -Optimizer Adam -LearningRate 0.01 -Epochs 3 -BatchSize 16 -Seed 3 -Standardize -GradientFlow)
    }
    # Every weight and bias of a network, as bit patterns.
    $script:bits = { param($network) ConvertTo-BitPattern ($network.Layers | ForEach-Object { $_.Weights; $_.Biases }) }
}

Describe 'The string form: ConvertFrom-BackpropJson' {
    It 'says what JSON text that is no object holds: <Text>' -ForEach @(
        @{ Text = '42'; Says = 'the number 42' }, @{ Text = '[1, 2]'; Says = 'an array' }, @{ Text = 'null'; Says = 'null' }
        @{ Text = '"net"'; Says = 'a string' }, @{ Text = 'true'; Says = 'true' }
    ) {
        $e = Get-ErrorRecord { $Text | ConvertFrom-BackpropJson } 'InvalidNetworkFile' 'InvalidData'
        $e.Exception.Message | Should -Be "the JSON text is not a network: expected a JSON object with format, version and layers; got $Says."
        (42 | ConvertFrom-BackpropJson -ErrorVariable failed -ErrorAction SilentlyContinue) | Should -BeNullOrEmpty
        "$failed" | Should -Not -BeLike "*field 'the file'*"
    }

    It 'reads a file''s lines piped one by one as one document, and whole documents one by one' {
        $path = Join-Path $TestDrive 'lines.json'
        $local.Network | Export-BackpropNetwork -Path $path
        $fromLines = @(Get-Content -LiteralPath $path | ConvertFrom-BackpropJson)
        $fromLines.Count | Should -Be 1
        & $bits $fromLines[0] | Should -Be (& $bits $local.Network)
        $several = @($local.Network, $local.Step.After, $local.Run[-1].Network | ConvertTo-BackpropJson -Compress | ConvertFrom-BackpropJson)
        $several.Shape | Should -Be '2-2-2', '2-2-2', '4-5-3'
        & $bits $several[1] | Should -Be (& $bits $local.Step.After)
    }

    It 'reports text that is not a network per document, and converts the others' {
        $texts = ($local.Network | ConvertTo-BackpropJson -Compress), '{ "format": "BackpropPS.Network", "version": 1 }', ($local.Network | ConvertTo-BackpropJson -Compress)
        $networks = $texts | ConvertFrom-BackpropJson -ErrorAction SilentlyContinue -ErrorVariable problems
        @($networks).Count | Should -Be 2
        $problems.FullyQualifiedErrorId | Should -Be 'InvalidNetworkFile,BackpropPS.Commands.ConvertFromBackpropJsonCommand'
        $problems[0].Exception.Message | Should -Match "field 'layers'"
        $record = Get-ErrorRecord { 'not json' | ConvertFrom-BackpropJson } -ErrorId InvalidNetworkFile -Category InvalidData
        $record.Exception.Message | Should -Match 'not valid JSON at line 1, column 1'
        @(@() | ConvertFrom-BackpropJson).Count | Should -Be 0
    }
}
