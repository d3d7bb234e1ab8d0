# Measures what a 784-128-10 network costs to travel (not a test: timings vary). Each figure is the median of
# -Repeat runs, beside its baseline from the same sitting: a Start-Job that returns nothing but a number.
# Run after `dotnet pwsh ./build.ps1 Build`: dotnet pwsh ./tools/Measure/Measure-Travel.ps1
param([int] $Repeat = 7)
$env:PSModulePath = (Join-Path $PSScriptRoot '../../out') + [IO.Path]::PathSeparator + $env:PSModulePath
Import-Module BackpropPS
$net = New-BackpropNetwork 784, 128, 10 -Activation ReLU, Softmax -Seed 1
$median = { param([scriptblock] $work) $times = 1..$Repeat | ForEach-Object { (Measure-Command $work).TotalMilliseconds }; ($times | Sort-Object)[[int][math]::Floor($Repeat / 2)] }

# A job imports the module in both cases, so the difference is the network's own trip: made and serialized
# there, sent through the job's pipe, deserialized and rebuilt here.
$baseline = & $median { $null = Start-Job { Import-Module BackpropPS; 1 } | Receive-Job -Wait -AutoRemoveJob }
$withNetwork = & $median { $back = Start-Job { Import-Module BackpropPS; New-BackpropNetwork 784, 128, 10 -Activation ReLU, Softmax -Seed 1 } | Receive-Job -Wait -AutoRemoveJob; if ($back -isnot [BackpropPS.Core.Network]) { throw 'not rebuilt' } }
$make = & $median { $null = New-BackpropNetwork 784, 128, 10 -Activation ReLU, Softmax -Seed 1 }
# In this process: the serializer's round trip (what Export-Clixml/Import-Clixml and a job's pipe do) and the string form.
$xml = [System.Management.Automation.PSSerializer]::Serialize($net)
$clixml = & $median { $null = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($net)) }
$json = & $median { $null = $net | ConvertTo-BackpropJson -Compress | ConvertFrom-BackpropJson }

'{0} processors; a 784-128-10 network, {1:N0} parameters, {2:N0} characters serialized' -f [Environment]::ProcessorCount, $net.ParameterCount, $xml.Length
'Start-Job returning a number: {0:N0} ms; returning the network: {1:N0} ms; the network''s round trip: {2:N0} ms ({3:N0} ms of it making it there)' -f $baseline, $withNetwork, ($withNetwork - $baseline), $make
'In one process: serialize + deserialize (Clixml) {0:N1} ms; ConvertTo-/ConvertFrom-BackpropJson {1:N1} ms' -f $clixml, $json
