# Objects that travel: networks, epoch rows, forward passes, gradients, steps, learning-rate results and data sets
# through a real job (a child process), Export-Clixml/Import-Clixml, SSH remoting (as objects or as
# ConvertTo-BackpropJson text) and Export-Csv come back as live objects, bit for bit, and every cmdlet that takes them
# accepts them. What was edited by hand on the way is refused, naming the object and the field; a data set too large
# to send is refused with the advice to load it where it is used.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force

    # The same objects, made here and in the other session from the same seeds.
    $script:make = {
        Import-Module BackpropPS
        $net = New-BackpropNetwork -Example StepByStep
        $forward = $net | Invoke-BackpropForward -Input 0.05, 0.10
        $iris = Get-BackpropDataset Iris
        $model = New-BackpropNetwork -LayerSize 4, 5, 3 -Activation Tanh, Softmax -Seed 3
        [pscustomobject]@{
            Network  = $net
            Forward  = $forward
            Gradient = $forward | Get-BackpropGradient -Target 0.01, 0.99
            Step     = $net | Invoke-BackpropStep -Input 0.05, 0.10 -Target 0.01, 0.99 -LearningRate 0.5
            Run      = @($iris | Invoke-BackpropTraining -Network $model -TargetColumn species -Optimizer Adam -LearningRate 0.01 -Epochs 3 -BatchSize 16 -Seed 3 -Standardize -GradientFlow)
            Range    = $iris | Find-BackpropLearningRate -Network $model -TargetColumn species -Steps 60 -MaxLearningRate 100 -Seed 3
            Digits   = Get-BackpropDataset Digits
            Exercise = New-BackpropExercise -Seed 4
        }
    }
    $script:local = & $make
    $script:fromJob = Start-Job -ScriptBlock $make | Receive-Job -Wait -AutoRemoveJob
    $clixml = Join-Path $TestDrive 'objects.xml'
    $local | Export-Clixml -LiteralPath $clixml -Depth 3
    $script:fromClixml = Import-Clixml -LiteralPath $clixml
    # Through SSH remoting where this machine can run sshd. The remoting client deserializes without the
    # session's type data, so these stay Deserialized.* objects: every cmdlet takes them, a cast rebuilds them.
    $script:server = Start-TestSshServer -Directory (Join-Path $TestDrive 'ssh') -SessionCount 1
    $script:fromRemote = if (-not $server.Why) { Invoke-Command -Session $server.Sessions[0] -ScriptBlock $make }

    # Every weight and bias of a network, as bit patterns.
    $script:bits = { param($network) ConvertTo-BitPattern ($network.Layers | ForEach-Object { $_.Weights; $_.Biases }) }
    $script:iris = Get-BackpropDataset Iris
    # The live object, as a cast gives it (a no-op for objects that came back live).
    $script:asLive = { param($value, [type] $type) $value -as $type }
    # A matrix's doubles as one hash: bit for bit, without comparing 115,000 numbers one by one.
    $script:hash = {
        param($matrix)
        $bytes = [byte[]]::new($matrix.Count * 8)
        [Buffer]::BlockCopy($matrix.ToArray(), 0, $bytes, 0, $bytes.Length)
        [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData($bytes))
    }
    # A digits classifier, trained here, to measure the data sets that came back.
    $script:digitsNet = (Invoke-BackpropTraining -Dataset $local.Digits -Network (New-BackpropNetwork 64, 10 -Activation Softmax -Seed 1) -Epochs 1 -Seed 1)[-1].Network
}

AfterAll { Stop-TestSshServer $server }

Describe 'Objects that come back from <Name>' -ForEach @(
    @{ Name = 'Start-Job'; Key = 'fromJob' }
    @{ Name = 'Import-Clixml'; Key = 'fromClixml' }
    @{ Name = 'Invoke-Command over SSH'; Key = 'fromRemote' }
) {
    BeforeAll { $script:back = Get-Variable -Name $Key -ValueOnly -Scope Script }
    BeforeEach { if ($Key -eq 'fromRemote' -and $server.Why) { Set-ItResult -Skipped -Because $server.Why } }

    It 'are the live types, not Deserialized.* property bags' {
        if ($Key -eq 'fromRemote') {
            # Deserialized, but the network inside an epoch row is a network, and casts rebuild them all.
            $back.Network.pstypenames[0] | Should -Be 'Deserialized.BackpropPS.Core.Network'
            $back.Run[-1].Network.pstypenames[0] | Should -Be 'Deserialized.BackpropPS.Core.Network'
            $back.Run[-1].Network.Shape | Should -Be '4-5-3'
            & $asLive $back.Network BackpropPS.Core.Network | Should -BeOfType BackpropPS.Core.Network
            & $asLive $back.Step BackpropPS.Core.Explain.TrainingStep | Should -BeOfType BackpropPS.Core.Explain.TrainingStep
            & $asLive $back.Run[-1] BackpropPS.Core.Training.EpochResult | Should -BeOfType BackpropPS.Core.Training.EpochResult
            & $asLive $back.Range BackpropPS.Core.Training.LearningRateRangeResult | Should -BeOfType BackpropPS.Core.Training.LearningRateRangeResult
            & $asLive $back.Digits BackpropPS.Core.Training.Dataset | Should -BeOfType BackpropPS.Core.Training.Dataset
            & $asLive $back.Exercise BackpropPS.ExerciseSheet | Should -BeOfType BackpropPS.ExerciseSheet
            return
        }
        $back.Network | Should -BeOfType BackpropPS.Core.Network
        $back.Forward | Should -BeOfType BackpropPS.Core.ForwardPass
        $back.Gradient | Should -BeOfType BackpropPS.Core.Gradient
        $back.Step | Should -BeOfType BackpropPS.Core.Explain.TrainingStep
        $back.Run | Should -BeOfType BackpropPS.Core.Training.EpochResult
        $back.Run[-1].Network | Should -BeOfType BackpropPS.Core.Network
        $back.Range | Should -BeOfType BackpropPS.Core.Training.LearningRateRangeResult
        $back.Digits | Should -BeOfType BackpropPS.Core.Training.Dataset
        $back.Exercise | Should -BeOfType BackpropPS.ExerciseSheet
    }

    It 'carry every number bit for bit' {
        $network = & $asLive $back.Network BackpropPS.Core.Network
        $run = $back.Run | ForEach-Object { & $asLive $_ BackpropPS.Core.Training.EpochResult }
        & $bits $network | Should -Be (& $bits $local.Network)
        & $bits (& $asLive $back.Step BackpropPS.Core.Explain.TrainingStep).After | Should -Be (& $bits $local.Step.After)
        & $bits $run[-1].Network | Should -Be (& $bits $local.Run[-1].Network)
        ConvertTo-BitPattern (& $asLive $back.Forward BackpropPS.Core.ForwardPass).Output | Should -Be (ConvertTo-BitPattern $local.Forward.Output)
        ConvertTo-BitPattern $back.Gradient.Loss | Should -Be (ConvertTo-BitPattern $local.Gradient.Loss)
        ConvertTo-BitPattern ($back.Gradient | Get-BackpropParameter).Gradient | Should -Be (ConvertTo-BitPattern ($local.Gradient | Get-BackpropParameter).Gradient)
        ConvertTo-BitPattern $back.Run.Loss | Should -Be (ConvertTo-BitPattern $local.Run.Loss)
        $back.Run.Epoch | Should -Be $local.Run.Epoch
        # The gradient flow of each epoch (-GradientFlow) comes along, row by row.
        $run[-1].GradientFlow | Should -BeOfType BackpropPS.Core.Training.GradientFlowRow
        ($run[-1].GradientFlow | ForEach-Object { "$($_.Layer) $($_.Activation) $($_.Neurons)" }) -join '; ' | Should -Be '1 Tanh 5; 2 Softmax 3'
        ConvertTo-BitPattern $run.GradientFlow.GradientNorm | Should -Be (ConvertTo-BitPattern $local.Run.GradientFlow.GradientNorm)
        ConvertTo-BitPattern $run.GradientFlow.UpdateRatio | Should -Be (ConvertTo-BitPattern $local.Run.GradientFlow.UpdateRatio)
        # A job and a remote session train again; Export-Clixml carries the very rows.
        if ($Key -eq 'fromClixml') { $run.Elapsed | Should -Be $local.Run.Elapsed } else { $run[-1].Elapsed | Should -BeOfType TimeSpan }
    }

    It 'keep what a trained network knows of its data: labels and input scaling' {
        $trained = $back.Run[-1].Network
        (& $asLive $trained BackpropPS.Core.Network).Schema.Labels | Should -Be $local.Run[-1].Network.Schema.Labels
        $mine = $iris | Invoke-BackpropPrediction -Network $local.Run[-1].Network
        $theirs = $iris | Invoke-BackpropPrediction -Network $trained
        ($theirs.Predicted -join ',') | Should -Be ($mine.Predicted -join ',')
        ($iris | Measure-BackpropAccuracy -Network $trained).Accuracy | Should -Be ($iris | Measure-BackpropAccuracy -Network $local.Run[-1].Network).Accuracy
    }

    It 'pipe a network into the forward pass, the step, the gradient check, the parameters and the files' {
        ConvertTo-BitPattern ($back.Network | Invoke-BackpropForward -Input 0.05, 0.10).Output | Should -Be (ConvertTo-BitPattern $local.Forward.Output)
        & $bits ($back.Network | Invoke-BackpropStep -Input 0.05, 0.10 -Target 0.01, 0.99 -LearningRate 0.5).After | Should -Be (& $bits $local.Step.After)
        $back.Network | Test-BackpropGradient -Input 0.05, 0.10 -Target 0.01, 0.99 -Quiet | Should -BeTrue
        ($back.Network | Get-BackpropParameter).Value | Should -Be ($local.Network | Get-BackpropParameter).Value
        $file = $back.Network | Export-BackpropNetwork -Path (Join-Path $TestDrive "$Key.json") -PassThru
        & $bits (Import-BackpropNetwork -LiteralPath $file.FullName) | Should -Be (& $bits $local.Network)
        ($back.Network | Export-BackpropDiagram -Path (Join-Path $TestDrive "$Key.svg") -PassThru).Length | Should -BeGreaterThan 0
        $again = Invoke-BackpropTraining -Network $back.Network -Input (, (0.05, 0.10)) -Target (, (0.01, 0.99)) -LearningRate 0.5 -Epochs 1
        & $bits $again[-1].Network | Should -Be (& $bits $local.Step.After)
    }

    It 'pipe a forward pass into the gradient, a gradient into the update, a step into the parameters and the diagram' {
        ConvertTo-BitPattern ($back.Forward | Get-BackpropGradient -Target 0.01, 0.99).Loss | Should -Be (ConvertTo-BitPattern $local.Gradient.Loss)
        & $bits ($back.Gradient | Update-BackpropNetwork -LearningRate 0.5) | Should -Be (& $bits $local.Step.After)
        ($back.Step | Get-BackpropParameter | ForEach-Object { $_.New.ToString('R') }) -join ' ' |
            Should -Be (($local.Step | Get-BackpropParameter | ForEach-Object { $_.New.ToString('R') }) -join ' ')
        ($back.Step | Export-BackpropDiagram -Path (Join-Path $TestDrive "$Key-step.svg") -PassThru).Length | Should -BeGreaterThan 0
    }

    It 'carry a learning-rate result and a data set bit for bit' {
        $range = & $asLive $back.Range BackpropPS.Core.Training.LearningRateRangeResult
        $range.Optimizer | Should -Be $local.Range.Optimizer
        $range.StepsTaken | Should -Be $local.Range.StepsTaken
        $range.SuggestedStep | Should -Be $local.Range.SuggestedStep
        $range.SuggestedStep | Should -Not -BeNullOrEmpty -Because 'the test must suggest a rate for the suggestion to be compared'
        ConvertTo-BitPattern $range.SteepestSlope | Should -Be (ConvertTo-BitPattern $local.Range.SteepestSlope)
        foreach ($column in 'LearningRate', 'Loss', 'SmoothedLoss') {
            ConvertTo-BitPattern $range.Rows.$column | Should -Be (ConvertTo-BitPattern $local.Range.Rows.$column)
        }
        $digits = & $asLive $back.Digits BackpropPS.Core.Training.Dataset
        $digits.Name | Should -Be 'Digits'
        $digits.Count | Should -Be 1797
        & $hash $digits.Inputs | Should -Be (& $hash $local.Digits.Inputs)
        & $hash $digits.Targets | Should -Be (& $hash $local.Digits.Targets)
        $digits.Schema.ToString() | Should -Be $local.Digits.Schema.ToString()
    }

    It 'pipe a learning-rate result into its chart, and a data set into training, accuracy, prediction and the image grid' {
        ($back.Range | Export-BackpropLearningRateChart -Path (Join-Path $TestDrive "$Key-range.svg") -PassThru).Length | Should -BeGreaterThan 0
        ($back.Digits | Measure-BackpropAccuracy -Network $digitsNet).Accuracy | Should -Be ($local.Digits | Measure-BackpropAccuracy -Network $digitsNet).Accuracy
        (Measure-BackpropAccuracy -Network $digitsNet -Dataset $back.Digits).Correct | Should -Be ($local.Digits | Measure-BackpropAccuracy -Network $digitsNet).Correct
        $theirs = $back.Digits | Invoke-BackpropPrediction -Network $digitsNet
        ($theirs.Predicted -join '') | Should -Be (($local.Digits | Invoke-BackpropPrediction -Network $digitsNet).Predicted -join '')
        $trained = Invoke-BackpropTraining -Dataset $back.Digits -Network (New-BackpropNetwork 64, 10 -Activation Softmax -Seed 1) -Epochs 1 -Seed 1
        & $bits $trained[-1].Network | Should -Be (& $bits $digitsNet)
        ($back.Digits | Export-BackpropImageGrid -Path (Join-Path $TestDrive "$Key-digits.svg") -Count 4 -PassThru).Length | Should -BeGreaterThan 0
    }

    It 'carry an exercise that grades a sheet as the original does' {
        $sheet = New-BackpropExercise -Seed 4 -Path (Join-Path $TestDrive "$Key-exercise")
        $answers = Import-Csv -LiteralPath $sheet.Path
        foreach ($row in $answers) { $row.Answer = ($sheet.Exercise.Quantities | Where-Object Name -eq $row.Quantity).Expected.ToString('F4', [cultureinfo]::InvariantCulture) }
        $answers | Export-Csv -LiteralPath $sheet.Path
        $exercise = & $asLive $back.Exercise BackpropPS.ExerciseSheet
        ConvertTo-BitPattern $exercise.Exercise.Quantities.Expected | Should -Be (ConvertTo-BitPattern $local.Exercise.Exercise.Quantities.Expected)
        (Test-BackpropExercise -LiteralPath $sheet.Path -Exercise $back.Exercise -Summary).Correct | Should -Be $answers.Count
    }

    It 'pipe epoch rows into the loss chart and, by their Network, into the network file' {
        ($back.Run | Export-BackpropLossChart -Path (Join-Path $TestDrive "$Key-loss.svg") -PassThru).Length | Should -BeGreaterThan 0
        $file = $back.Run[-1] | Export-BackpropNetwork -Path (Join-Path $TestDrive "$Key-run.json") -PassThru
        & $bits (Import-BackpropNetwork -LiteralPath $file.FullName) | Should -Be (& $bits $local.Run[-1].Network)
    }
}

Describe 'A network saved with Export-Clixml in a session without the module' {
    It 'binds to a cmdlet once the module is loaded, through the type converter' {
        $path = Join-Path $TestDrive 'early.xml'
        New-BackpropNetwork -Example StepByStep | Export-Clixml -LiteralPath $path
        $output = Invoke-FreshPwsh "`$n = Import-Clixml -LiteralPath '$path'; `$n.pstypenames[0]; Import-Module BackpropPS; (`$n | Invoke-BackpropForward -Input 0.05, 0.10).Output[0].ToString('R')"
        $output[0] | Should -Be 'Deserialized.BackpropPS.Core.Network'
        $output[1] | Should -Be $local.Forward.Output[0].ToString('R')
    }
}

Describe 'A network sent to a remote session' {
    It 'as an argument, binds to the cmdlets there but loses its weights; as its JSON text, arrives whole' {
        if ($server.Why) { Set-ItResult -Skipped -Because $server.Why; return }
        # The remoting client serializes arguments without the session's type data, so a network argument
        # travels as PowerShell's default property bag (Layers as text): the string form is what carries it.
        $trained = $local.Run[-1].Network
        $there = Invoke-Command -Session $server.Sessions[0] -ArgumentList $trained, ($trained | ConvertTo-BackpropJson) -ScriptBlock {
            param($network, $json)
            Import-Module BackpropPS
            $network.pstypenames[0]
            $live = ConvertFrom-BackpropJson $json
            (Get-BackpropDataset Iris | Measure-BackpropAccuracy -Network $live).Accuracy
            ($live | Get-BackpropParameter | ForEach-Object { $_.Value.ToString('R') }) -join ' '
        }
        $there[0] | Should -Be 'Deserialized.BackpropPS.Core.Network'
        $there[1] | Should -Be ($iris | Measure-BackpropAccuracy -Network $trained).Accuracy
        $there[2] | Should -Be (($trained | Get-BackpropParameter | ForEach-Object { $_.Value.ToString('R') }) -join ' ')
    }
}

Describe 'A network through Export-Csv' {
    It 'is one row whose cells say what its layers and its schema are' {
        $path = Join-Path $TestDrive 'networks.csv'
        $local.Network, $local.Run[-1].Network | Export-Csv -LiteralPath $path
        $rows = Import-Csv -LiteralPath $path
        $rows[0].Layers | Should -Be '2 -> 2 Sigmoid (Shared bias); 2 -> 2 Sigmoid (Shared bias)'
        $rows[0].Shape | Should -Be '2-2-2'
        $rows[1].Layers | Should -Be '4 -> 5 Tanh (PerNeuron bias); 5 -> 3 Softmax (PerNeuron bias)'
        $rows[1].Schema | Should -Be 'sepal_length, sepal_width, petal_length, petal_width -> species: setosa, versicolor, virginica (standardised)'
    }
}

Describe 'A learning-rate result, a data set and epoch rows that stay Deserialized, as remoting leaves them' {
    It 'bind to the cmdlets that take them once the module is loaded' {
        # Import-Clixml before the module is loaded reads them as the remoting client does: without the type data.
        $files = @{}
        foreach ($name in 'Range', 'Digits', 'Run') {
            $files[$name] = Join-Path $TestDrive "deserialized-$name.xml"
            $local.$name | Export-Clixml -LiteralPath $files[$name] -Depth 3
        }
        $network = ($digitsNet | Export-BackpropNetwork -Path (Join-Path $TestDrive 'digits-net.json') -PassThru).FullName
        $output = Invoke-FreshPwsh @"
`$range = Import-Clixml -LiteralPath '$($files.Range)'; `$digits = Import-Clixml -LiteralPath '$($files.Digits)'; `$run = Import-Clixml -LiteralPath '$($files.Run)'
`$range.pstypenames[0]; `$digits.pstypenames[0]
Import-Module BackpropPS
`$net = Import-BackpropNetwork -LiteralPath '$network'
(`$range | Export-BackpropLearningRateChart -Path '$TestDrive/deserialized-range.svg' -PassThru).Length -gt 0
(`$digits | Measure-BackpropAccuracy -Network `$net).Correct
(Invoke-BackpropPrediction -Network `$net -Dataset `$digits).Count
(`$digits | Export-BackpropImageGrid -Path '$TestDrive/deserialized-digits.svg' -Count 4 -PassThru).Length -gt 0
(`$run | Export-BackpropGradientFlowChart -Path '$TestDrive/deserialized-flow.svg' -PassThru).Length -gt 0
"@
        $output[0] | Should -Be 'Deserialized.BackpropPS.Core.Training.LearningRateRangeResult'
        $output[1] | Should -Be 'Deserialized.BackpropPS.Core.Training.Dataset'
        $output[2] | Should -Be 'True'
        $output[3] | Should -Be ($local.Digits | Measure-BackpropAccuracy -Network $digitsNet).Correct
        $output[4] | Should -Be 1797
        $output[5] | Should -Be 'True'
        $output[6] | Should -Be 'True'
    }
}

BeforeDiscovery {
    # Hand edits of a Clixml file, one field each: the object named by Key (its Clixml in BeforeAll below), the
    # regular expression Find (its first match) and its Replacement, and Field, which the refusal must name.
    $longBatch = '<S N="InputText">[' + ('[0.05,0.1],' * 3000) + '[0.05,0.1]]</S>'
    $script:handEdits = @(
        @{ Key = 'Network'; Name = 'an unknown activation'; Field = 'activation'; Find = '"activation":"Sigmoid"'; Replacement = '"activation":"Sigmoidal"' }
        @{ Key = 'Network'; Name = 'no NetworkJson'; Field = 'NetworkJson'; Find = '<S N="NetworkJson">[^<]*</S>'; Replacement = '' }
        @{ Key = 'Network'; Name = 'a truncated NetworkJson'; Field = 'NetworkJson'; Find = '(<S N="NetworkJson">[^<]{40})[^<]*</S>'; Replacement = '$1</S>' }
        @{ Key = 'Network'; Name = 'a NetworkJson that is a number'; Field = 'NetworkJson'; Find = '<S N="NetworkJson">[^<]*</S>'; Replacement = '<I32 N="NetworkJson">5</I32>' }
        @{ Key = 'Network'; Name = 'a weight of 1e999'; Field = 'weights'; Find = '0\.15,'; Replacement = '1e999,' }
        @{ Key = 'Epoch'; Name = 'Epoch -7'; Field = 'Epoch'; Find = '<I32 N="Epoch">\d+</I32>'; Replacement = '<I32 N="Epoch">-7</I32>' }
        @{ Key = 'Epoch'; Name = 'Epoch 0'; Field = 'Epoch'; Find = '<I32 N="Epoch">\d+</I32>'; Replacement = '<I32 N="Epoch">0</I32>' }
        @{ Key = 'Epoch'; Name = 'Epoch as text'; Field = 'Epoch'; Find = '<I32 N="Epoch">(\d+)</I32>'; Replacement = '<S N="Epoch">$1</S>' }
        @{ Key = 'Epoch'; Name = 'Loss NaN'; Field = 'Loss'; Find = '<Db N="Loss">[^<]*</Db>'; Replacement = '<Db N="Loss">NaN</Db>' }
        @{ Key = 'Epoch'; Name = 'Loss infinite'; Field = 'Loss'; Find = '<Db N="Loss">[^<]*</Db>'; Replacement = '<Db N="Loss">INF</Db>' }
        @{ Key = 'Epoch'; Name = 'no Loss'; Field = 'Loss'; Find = '<Db N="Loss">[^<]*</Db>'; Replacement = '' }
        @{ Key = 'Epoch'; Name = 'Accuracy 1.5'; Field = 'Accuracy'; Find = '<Db N="Accuracy">[^<]*</Db>'; Replacement = '<Db N="Accuracy">1.5</Db>' }
        @{ Key = 'Epoch'; Name = 'Accuracy -0.1'; Field = 'Accuracy'; Find = '<Db N="Accuracy">[^<]*</Db>'; Replacement = '<Db N="Accuracy">-0.1</Db>' }
        @{ Key = 'Epoch'; Name = 'LearningRate 0'; Field = 'LearningRate'; Find = '<Db N="LearningRate">[^<]*</Db>'; Replacement = '<Db N="LearningRate">0</Db>' }
        @{ Key = 'Epoch'; Name = 'GradientNorm -1'; Field = 'GradientNorm'; Find = '<Db N="GradientNorm">[^<]*</Db>'; Replacement = '<Db N="GradientNorm">-1</Db>' }
        @{ Key = 'Epoch'; Name = 'a negative Elapsed'; Field = 'Elapsed'; Find = '<TS N="Elapsed">[^<]*</TS>'; Replacement = '<TS N="Elapsed">-PT5S</TS>' }
        @{ Key = 'Epoch'; Name = 'no Network'; Field = 'Network'; Find = '(?s)<Obj N="Network".*?</Obj>'; Replacement = '' }
        @{ Key = 'Epoch'; Name = 'a Network with a bad activation'; Field = 'activation'; Find = '"activation":"Tanh"'; Replacement = '"activation":"Tan"' }
        @{ Key = 'Epoch'; Name = 'a gradient-flow Activation 999'; Field = 'GradientFlow[0].Activation'; Find = '<I32>1</I32>'; Replacement = '<I32>999</I32>' }
        @{ Key = 'Epoch'; Name = 'a gradient-flow Activation not its layer''s'; Field = 'GradientFlow[0].Activation'; Find = '<I32>1</I32>'; Replacement = '<I32>2</I32>' }
        @{ Key = 'Epoch'; Name = 'a gradient-flow Layer 7'; Field = 'GradientFlow[0].Layer'; Find = '<I32 N="Layer">1</I32>'; Replacement = '<I32 N="Layer">7</I32>' }
        @{ Key = 'Epoch'; Name = 'a gradient-flow Neurons 99'; Field = 'GradientFlow[0].Neurons'; Find = '<I32 N="Neurons">\d+</I32>'; Replacement = '<I32 N="Neurons">99</I32>' }
        @{ Key = 'Epoch'; Name = 'a gradient-flow Epoch of another row'; Field = 'GradientFlow[0].Epoch'; Find = '(<S N="Run">[^<]*</S>\s*)<I32 N="Epoch">\d+</I32>'; Replacement = '$1<I32 N="Epoch">99</I32>' }
        @{ Key = 'Epoch'; Name = 'a gradient-flow SaturatedShare 2'; Field = 'SaturatedShare'; Find = '<Db N="SaturatedShare">[^<]*</Db>'; Replacement = '<Db N="SaturatedShare">2</Db>' }
        @{ Key = 'Epoch'; Name = 'a gradient-flow row left out'; Field = 'GradientFlow'; Find = '(?s)<Obj RefId="5">.*?</Props>\s*</Obj>'; Replacement = '' }
        @{ Key = 'Epoch'; Name = 'a gradient-flow GradientNorm NaN'; Field = 'GradientFlow[0].GradientNorm'; Find = '(<I32 N="Neurons">\d+</I32>\s*)<Db N="GradientNorm">[^<]*</Db>'; Replacement = '$1<Db N="GradientNorm">NaN</Db>' }
        @{ Key = 'Forward'; Name = 'an input short of a column'; Field = 'InputText'; Find = '<S N="InputText">[^<]*</S>'; Replacement = '<S N="InputText">[[0.05]]</S>' }
        @{ Key = 'Forward'; Name = 'an input NaN'; Field = 'InputText'; Find = '<S N="InputText">[^<]*</S>'; Replacement = '<S N="InputText">[[NaN,0.1]]</S>' }
        @{ Key = 'Forward'; Name = 'a truncated InputText'; Field = 'InputText'; Find = '<S N="InputText">[^<]*</S>'; Replacement = '<S N="InputText">[[0.05,0.1</S>' }
        @{ Key = 'Forward'; Name = 'SampleCount 5'; Field = 'SampleCount'; Find = '<I32 N="SampleCount">1</I32>'; Replacement = '<I32 N="SampleCount">5</I32>' }
        @{ Key = 'Gradient'; Name = 'no TargetText'; Field = 'TargetText'; Find = '<S N="TargetText">[^<]*</S>'; Replacement = '' }
        @{ Key = 'Gradient'; Name = 'two targets for one input'; Field = 'TargetText'; Find = '<S N="TargetText">[^<]*</S>'; Replacement = '<S N="TargetText">[[0.01,0.99],[0.01,0.99]]</S>' }
        @{ Key = 'Gradient'; Name = 'LossFunction 99'; Field = 'LossFunction'; Find = '<I32>0</I32>'; Replacement = '<I32>99</I32>' }
        @{ Key = 'Gradient'; Name = 'a LossFunction its network cannot take'; Field = 'Softmax'; Find = '<I32>0</I32>'; Replacement = '<I32>2</I32>' }
        @{ Key = 'Gradient'; Name = 'a LossFunction of unknown text'; Field = 'LossFunction'; Find = '(?s)<Obj N="LossFunction".*?</Obj>'; Replacement = '<S N="LossFunction">Bogus</S>' }
        @{ Key = 'Step'; Name = 'no LearningRate'; Field = 'LearningRate'; Find = '<Db N="LearningRate">[^<]*</Db>'; Replacement = '' }
        @{ Key = 'Step'; Name = 'LearningRate NaN'; Field = 'LearningRate'; Find = '<Db N="LearningRate">[^<]*</Db>'; Replacement = '<Db N="LearningRate">NaN</Db>' }
        @{ Key = 'Step'; Name = 'LearningRate -0.5'; Field = 'LearningRate'; Find = '<Db N="LearningRate">[^<]*</Db>'; Replacement = '<Db N="LearningRate">-0.5</Db>' }
        @{ Key = 'Step'; Name = 'LearningRate as text'; Field = 'LearningRate'; Find = '<Db N="LearningRate">[^<]*</Db>'; Replacement = '<S N="LearningRate">0.5</S>' }
        @{ Key = 'Step'; Name = 'an InputText of more rows than SampleCount'; Field = 'SampleCount'; Find = '<S N="InputText">[^<]*</S>'; Replacement = $longBatch }
        @{ Key = 'Range'; Name = 'Optimizer 7'; Field = 'Optimizer'; Find = '<I32>\d</I32>'; Replacement = '<I32>7</I32>' }
        @{ Key = 'Range'; Name = 'MinLearningRate -1'; Field = 'MinLearningRate'; Find = '<Db N="MinLearningRate">[^<]*</Db>'; Replacement = '<Db N="MinLearningRate">-1</Db>' }
        @{ Key = 'Range'; Name = 'a MaxLearningRate below the minimum'; Field = 'MaxLearningRate'; Find = '<Db N="MaxLearningRate">[^<]*</Db>'; Replacement = '<Db N="MaxLearningRate">1E-09</Db>' }
        @{ Key = 'Range'; Name = 'Steps 1'; Field = 'Steps'; Find = '<I32 N="Steps">\d+</I32>'; Replacement = '<I32 N="Steps">1</I32>' }
        @{ Key = 'Range'; Name = 'Steps 2147483647'; Field = 'Rows[1].LearningRate'; Find = '<I32 N="Steps">\d+</I32>'; Replacement = '<I32 N="Steps">2147483647</I32>' }
        @{ Key = 'Range'; Name = 'no Rows'; Field = 'Rows'; Find = '(?s)<Obj N="Rows".*</LST>\s*</Obj>'; Replacement = '' }
        @{ Key = 'Range'; Name = 'a row''s Step 9'; Field = 'Rows[2].Step'; Find = '<I32 N="Step">3</I32>'; Replacement = '<I32 N="Step">9</I32>' }
        @{ Key = 'Range'; Name = 'a rate off the schedule'; Field = 'Rows[2].LearningRate'; Find = '(<I32 N="Step">3</I32>\s*)<Db N="LearningRate">[^<]*</Db>'; Replacement = '$1<Db N="LearningRate">0.5</Db>' }
        @{ Key = 'Range'; Name = 'a Loss NaN before the blow-up'; Field = 'Rows[1].Loss'; Find = '(<I32 N="Step">2</I32>\s*<Db N="LearningRate">[^<]*</Db>\s*)<Db N="Loss">[^<]*</Db>'; Replacement = '$1<Db N="Loss">NaN</Db>' }
        @{ Key = 'Range'; Name = 'a blow-up before the last row'; Field = 'Rows[0].Diverged'; Find = '<B N="Diverged">false</B>'; Replacement = '<B N="Diverged">true</B>' }
        @{ Key = 'Range'; Name = 'StepsTaken 99'; Field = 'StepsTaken'; Find = '<I32 N="StepsTaken">\d+</I32>'; Replacement = '<I32 N="StepsTaken">99</I32>' }
        @{ Key = 'Range'; Name = 'a SuggestedStep without its row'; Field = 'Suggested'; Find = '<I32 N="SuggestedStep">\d+</I32>'; Replacement = '<I32 N="SuggestedStep">1</I32>' }
        @{ Key = 'Range'; Name = 'no SteepestSlope'; Field = 'SteepestSlope'; Find = '<Db N="SteepestSlope">[^<]*</Db>'; Replacement = '' }
        @{ Key = 'Range'; Name = 'another SuggestedLearningRate'; Field = 'SuggestedLearningRate'; Find = '<Db N="SuggestedLearningRate">[^<]*</Db>'; Replacement = '<Db N="SuggestedLearningRate">0.123</Db>' }
        @{ Key = 'Range'; Name = 'a Suggested flag as text'; Field = 'Rows[0].Suggested'; Find = '<B N="Suggested">false</B>'; Replacement = '<S N="Suggested">false</S>' }
        @{ Key = 'Dataset'; Name = 'Count 0'; Field = 'Count'; Find = '<I32 N="Count">150</I32>'; Replacement = '<I32 N="Count">0</I32>' }
        @{ Key = 'Dataset'; Name = 'Count 151'; Field = 'InputText'; Find = '<I32 N="Count">150</I32>'; Replacement = '<I32 N="Count">151</I32>' }
        @{ Key = 'Dataset'; Name = 'InputSize 5'; Field = 'InputText'; Find = '<I32 N="InputSize">4</I32>'; Replacement = '<I32 N="InputSize">5</I32>' }
        @{ Key = 'Dataset'; Name = 'InputSize -4'; Field = 'InputSize'; Find = '<I32 N="InputSize">4</I32>'; Replacement = '<I32 N="InputSize">-4</I32>' }
        @{ Key = 'Dataset'; Name = 'an input NaN'; Field = 'InputText'; Find = '\[\[5\.0999999999999996'; Replacement = '[[NaN' }
        @{ Key = 'Dataset'; Name = 'a truncated InputText'; Field = 'InputText'; Find = '(<S N="InputText">[^<]{300})[^<]*</S>'; Replacement = '$1</S>' }
        @{ Key = 'Dataset'; Name = 'no InputText'; Field = 'InputText'; Find = '<S N="InputText">[^<]*</S>'; Replacement = '' }
        @{ Key = 'Dataset'; Name = 'a target of 1e999'; Field = 'TargetText'; Find = '<S N="TargetText">\[\[1,'; Replacement = '<S N="TargetText">[[1e999,' }
        @{ Key = 'Dataset'; Name = 'a class label twice'; Field = 'label'; Find = '<S>virginica</S>'; Replacement = '<S>setosa</S>' }
        @{ Key = 'Dataset'; Name = 'two class labels for three targets'; Field = 'label'; Find = '<S>virginica</S>'; Replacement = '' }
        @{ Key = 'Dataset'; Name = 'three input columns for four inputs'; Field = 'input column'; Find = '<S>petal_width</S>'; Replacement = '' }
        @{ Key = 'Dataset'; Name = 'a negative scale'; Field = 'ScalingText'; Find = '<Nil N="ScalingText" />'; Replacement = '<S N="ScalingText">[[0,0,0,0],[1,-1,1,1]]</S>' }
        @{ Key = 'Dataset'; Name = 'an input column that is a number'; Field = 'InputColumns'; Find = '<S>sepal_length</S>'; Replacement = '<I32>5</I32>' }
        @{ Key = 'Exercise'; Name = 'decimals 99'; Field = 'exercise.decimals'; Find = 'decimals": \d+'; Replacement = 'decimals": 99' }
        @{ Key = 'Exercise'; Name = 'a target of NaN'; Field = 'exercise.target'; Find = '"target": \[(_x000A_)?\s*[-0-9.E]+'; Replacement = '"target": [ NaN' }
        @{ Key = 'Exercise'; Name = 'no ExerciseJson'; Field = 'ExerciseJson'; Find = '<S N="ExerciseJson">[^<]*</S>'; Replacement = '' }
        @{ Key = 'Exercise'; Name = 'a Path that is a number'; Field = 'Path'; Find = '<S N="Path">[^<]*</S>'; Replacement = '<I32 N="Path">5</I32>' }
    )
}

Describe 'Hand-edited objects' {
    BeforeAll {
        # The original of each hand-edited file, and the commands each kind is given to: one that rebuilds it in the
        # cmdlet (its error has the ErrorId) and one that rebuilds it in parameter binding (ParameterArgumentTransformationError).
        $script:originals = @{
            Network = $local.Network; Forward = $local.Forward; Gradient = $local.Gradient; Step = $local.Step
            Epoch = $local.Run[-1]; Range = $local.Range; Dataset = Get-BackpropDataset Iris -AsDataset
            Exercise = New-BackpropExercise -Seed 4 -Path (Join-Path $TestDrive 'edited-exercise')
        }
        $script:originalXml = @{}
        foreach ($key in $originals.Keys) {
            $path = Join-Path $TestDrive "original-$key.xml"
            $originals[$key] | Export-Clixml -LiteralPath $path -Depth 3
            $originalXml[$key] = Get-Content -Raw -LiteralPath $path
        }
        $irisNet = $local.Run[-1].Network
        $script:uses = @{
            Network  = { $args[0] | Get-BackpropParameter }, { $args[0] | Invoke-BackpropForward -Input 0.05, 0.10 }
            Forward  = { $args[0] | Get-BackpropParameter }, { $args[0] | Get-BackpropGradient -Target 0.01, 0.99 }
            Gradient = { $args[0] | Get-BackpropParameter }, { $args[0] | Update-BackpropNetwork -LearningRate 0.5 }
            Step     = { $args[0] | Get-BackpropParameter }, { $args[0] | Get-BackpropGradientFactor }
            Epoch    = { $args[0] | Get-BackpropParameter }, { $args[0] | Export-BackpropGradientFlowChart -Path (Join-Path $TestDrive 'edited-flow.svg') }
            Range    = , { $args[0] | Export-BackpropLearningRateChart -Path (Join-Path $TestDrive 'edited-range.svg') }
            Dataset  = { $args[0] | Measure-BackpropAccuracy -Network $irisNet }.GetNewClosure(), { Invoke-BackpropPrediction -Network $irisNet -Dataset $args[0] }.GetNewClosure()
            Exercise = , { Test-BackpropExercise -LiteralPath (Join-Path $TestDrive 'edited-exercise.csv') -Exercise $args[0] }
        }
        $script:edit = {
            param($case)
            $regex = [regex]::new($case.Find)
            $regex.IsMatch($originalXml[$case.Key]) | Should -BeTrue -Because "the edit '$($case.Find)' must find its field"
            $path = Join-Path $TestDrive "edited-$([Math]::Abs($case.Name.GetHashCode())).xml"
            Set-Content -LiteralPath $path -Value $regex.Replace($originalXml[$case.Key], $case.Replacement, 1) -NoNewline
            $path
        }
        # The refusal of an object by a command: the module's ErrorId (directly, or inside PowerShell's binding error),
        # a message naming the field, and no .NET type name or runtime exception in it.
        $script:assertRefused = {
            param([scriptblock] $Use, $Object, [string] $Field, [string] $ErrorId = 'InvalidDeserializedObject')
            # The first error: a non-terminating one written before a terminating one (a chart left with nothing to draw).
            $records = [System.Collections.Generic.List[object]]::new()
            try { & $Use $Object 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $records.Add($_) } } } catch { $records.Add($_) }
            $record = $records[0]
            $record | Should -Not -BeNullOrEmpty -Because 'the object must be refused'
            $inner = $record.Exception
            while ($inner -and $inner -isnot [BackpropPS.Core.BackpropException]) { $inner = $inner.InnerException }
            $inner.ErrorId | Should -Be $ErrorId
            ($record.FullyQualifiedErrorId -split ',')[0] | Should -BeIn $ErrorId, 'ParameterArgumentTransformationError'
            $record.ToString() | Should -Match ([regex]::Escape($Field))
            $record.ToString() | Should -Not -Match 'System\.|BackpropPS\.Core|Deserialized\.|Object reference|Cannot convert'
        }
    }

    It 'with <Name> (<Key>) stay Deserialized through Import-Clixml and are refused, naming <Field>' -ForEach $handEdits {
        $back = Import-Clixml -LiteralPath (& $edit $_)
        $back.pstypenames[0] | Should -BeLike 'Deserialized.*' -Because 'an object that does not pass the checks is never rebuilt'
        foreach ($use in $uses[$Key]) { & $assertRefused $use $back $Field }
    }

    It 'are refused as well through Start-Job' {
        $paths = [string[]]@($handEdits | ForEach-Object { & $edit $_ })
        $back = Start-Job -ArgumentList (, $paths) -ScriptBlock { param($files) Import-Module BackpropPS; foreach ($f in $files) { Import-Clixml -LiteralPath $f } } |
            Receive-Job -Wait -AutoRemoveJob
        $back.Count | Should -Be $handEdits.Count
        for ($k = 0; $k -lt $handEdits.Count; $k++) {
            $back[$k].pstypenames[0] | Should -BeLike 'Deserialized.*' -Because $handEdits[$k].Name
            & $assertRefused $uses[$handEdits[$k].Key][0] $back[$k] $handEdits[$k].Field
        }
    }

    It 'unchanged, come back alive: the edits above are what is refused' {
        foreach ($key in $originals.Keys) {
            $path = Join-Path $TestDrive "unedited-$key.xml"
            Set-Content -LiteralPath $path -Value $originalXml[$key] -NoNewline
            Import-Clixml -LiteralPath $path | Should -BeOfType $originals[$key].GetType()
        }
    }
}

Describe 'An object too large to travel' {
    It 'is a data set of more than 2,000,000 numbers: sent without them, refused with the advice to load it where it is used' {
        $path = Join-Path $TestDrive 'spiral.xml'
        Get-BackpropDataset Spiral -Count 700000 -AsDataset | Export-Clixml -LiteralPath $path
        (Get-Item -LiteralPath $path).Length | Should -BeLessThan 4KB -Because 'its numbers stay behind'
        $back = Import-Clixml -LiteralPath $path
        $back.pstypenames[0] | Should -Be 'Deserialized.BackpropPS.Core.Training.Dataset'
        $network = New-BackpropNetwork 2, 4, 1 -Seed 1
        $e = Get-ErrorRecord { $back | Invoke-BackpropTraining -Network $network -Epochs 1 } 'TooLargeToTravel' 'LimitsExceeded'
        $e.Exception.Message | Should -Match "The data set 'Spiral' \(700,000 samples of 2 inputs and 1 target\) holds 2,100,000 numbers, more than the 2,000,000"
        $e.Exception.Message | Should -Match 'run Get-BackpropDataset in the job or the remote session'
        $e = Get-ErrorRecord { Invoke-BackpropTraining -Network $network -Dataset $back -Epochs 1 } 'ParameterArgumentTransformationError'
        $e.Exception.InnerException.InnerException.ErrorId | Should -Be 'TooLargeToTravel'
    }

    It 'is a forward pass, gradient or step of that many numbers: refused where it arrives' {
        $batch = [BackpropPS.Core.Matrix]::new(1000001, 2, [double[]]::new(2000002))
        $path = Join-Path $TestDrive 'big-forward.xml'
        [BackpropPS.Core.Backpropagation]::Forward($local.Network, $batch) | Export-Clixml -LiteralPath $path
        (Get-Item -LiteralPath $path).Length | Should -BeLessThan 4KB -Because 'neither its inputs nor its 2,000,002 outputs (its text) travel'
        $back = Import-Clixml -LiteralPath $path
        $e = Get-ErrorRecord { $back | Get-BackpropParameter } 'TooLargeToTravel' 'LimitsExceeded'
        $e.Exception.Message | Should -Match "forward pass's batch of 1,000,001 samples holds 2,000,002 numbers"
    }
}

Describe 'Every parameter that takes one of the module''s objects' {
    It 'rebuilds one that comes Deserialized, or refuses it in the user''s terms ([TravellingObject])' {
        $travelling = 'Network', 'ForwardPass', 'Gradient', 'TrainingStep', 'EpochResult', 'LearningRateRangeResult', 'Dataset'
        $missing = foreach ($command in Get-Command -Module BackpropPS -CommandType Cmdlet) {
            foreach ($parameter in $command.Parameters.Values) {
                if ($parameter.ParameterType.Name -notin $travelling) { continue }
                if (-not ($parameter.Attributes | Where-Object { $_.GetType().Name -eq 'TravellingObjectAttribute' })) { "$($command.Name) -$($parameter.Name)" }
            }
        }
        $missing | Should -BeNullOrEmpty
    }
}
