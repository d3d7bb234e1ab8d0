# ConvertTo-BackpropJson: a network (or an epoch row's network) as the network file's text, whole or on one line, that reads back bit for bit.
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

Describe 'The string form: ConvertTo-BackpropJson' {
    It 'is the network file''s text, and reads back bit for bit, schema and all' {
        $trained = $local.Run[-1].Network
        $json = $trained | ConvertTo-BackpropJson
        $json | Should -BeOfType string
        $file = $trained | Export-BackpropNetwork -Path (Join-Path $TestDrive 'same.json') -PassThru
        $json.TrimEnd() | Should -Be ((Get-Content -Raw -LiteralPath $file.FullName) -replace "`r`n", "`n").TrimEnd()
        $back = ConvertFrom-BackpropJson -InputObject $json
        $back | Should -BeOfType BackpropPS.Core.Network
        & $bits $back | Should -Be (& $bits $trained)
        $back.Schema.Labels | Should -Be $trained.Schema.Labels
        ($iris | Invoke-BackpropPrediction -Network $back).Predicted -join ',' | Should -Be (($iris | Invoke-BackpropPrediction -Network $trained).Predicted -join ',')
    }

    It 'is one line with -Compress, and a row of a training run converts by its Network' {
        $line = $local.Run[-1] | ConvertTo-BackpropJson -Compress
        $line | Should -Not -Match "`n"
        & $bits ($line | ConvertFrom-BackpropJson) | Should -Be (& $bits $local.Run[-1].Network)
    }
}
