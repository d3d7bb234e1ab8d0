# Objects that travel: networks, epoch rows, forward passes, gradients and steps through a real job (a child
# process), Export-Clixml/Import-Clixml, SSH remoting (as objects or as ConvertTo-BackpropJson text) and Export-Csv
# come back as live objects, bit for bit, and every cmdlet that takes them accepts them.
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
            return
        }
        $back.Network | Should -BeOfType BackpropPS.Core.Network
        $back.Forward | Should -BeOfType BackpropPS.Core.ForwardPass
        $back.Gradient | Should -BeOfType BackpropPS.Core.Gradient
        $back.Step | Should -BeOfType BackpropPS.Core.Explain.TrainingStep
        $back.Run | Should -BeOfType BackpropPS.Core.Training.EpochResult
        $back.Run[-1].Network | Should -BeOfType BackpropPS.Core.Network
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
